package io.authcore.http;

/** A protocol error that carries the original's status code and plain-text body. */
public final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }

  public static HttpError unauthorised() {
    return new HttpError(401, "Invalid API key");
  }

  public static HttpError paymentRequired(String message) {
    return new HttpError(402, message);
  }

  public static HttpError forbidden(String message) {
    return new HttpError(403, message);
  }

  public static HttpError notFound() {
    return new HttpError(404, "Not found");
  }

  public static HttpError methodNotSupported() {
    return new HttpError(405, "Method not supported");
  }
}
