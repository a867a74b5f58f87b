package io.authcore.http;

/**
 * One API operation. It returns a JSON value (sent as 200 JSON), a String (sent as 200 text), or a
 * {@link Response}; it throws {@link HttpError} or a business status exception for anything else.
 */
@FunctionalInterface
public interface Endpoint {
  Object handle(Call call) throws Exception;
}
