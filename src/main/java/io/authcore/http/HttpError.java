package io.authcore.http;

import io.authcore.tenancy.TenantId;

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

  /** The original's 400 for a request to an app that does not exist. */
  public static HttpError appNotFound(TenantId tenant) {
    return badRequest(
        "AppId or tenantId not found => App with the following connectionURIDomain and appId"
            + " combination not found: ("
            + tenant.connectionUriDomain()
            + ", "
            + tenant.appId()
            + ")");
  }

  /** The original's 400 for a request to a tenant that does not exist. */
  public static HttpError tenantNotFound(TenantId tenant) {
    return badRequest(
        "AppId or tenantId not found => Tenant with the following connectionURIDomain,"
            + " appId and tenantId combination not found: ("
            + tenant.connectionUriDomain()
            + ", "
            + tenant.appId()
            + ", "
            + tenant.tenantId()
            + ")");
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

  /**
   * A 500 for an expected failure that is logged where it is detected (once, not per request), such
   * as a health probe while the database is down.
   */
  public static HttpError unavailable() {
    return new HttpError(500, "Internal Error");
  }

  public static HttpError methodNotSupported() {
    return new HttpError(405, "Method not supported");
  }
}
