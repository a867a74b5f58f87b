package io.authcore.http;

import java.util.Map;

/**
 * A response other than a plain 200: an endpoint returns one when it needs extra headers. Most
 * endpoints return a JSON value or a String and let the pipeline wrap it.
 */
public record Response(Object body, Map<String, String> headers) {
  public static Response withHeaders(Object body, Map<String, String> headers) {
    return new Response(body, headers);
  }
}
