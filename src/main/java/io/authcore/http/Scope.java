package io.authcore.http;

/** What part of the tenant path an endpoint honours, as the original classifies its APIs. */
public enum Scope {
  /** The tenant in the path must exist; the endpoint works on that tenant. */
  TENANT,
  /** Only the app must exist; a tenant in the path is ignored. */
  APP,
  /**
   * The app must exist and, from CDI 5.0 (or the route's {@link Route#publicTenantSince}), the
   * tenant must be the public one (403 otherwise).
   */
  APP_PUBLIC_TENANT,
  /**
   * The pipeline checks nothing: the endpoint checks existence itself, where the original does
   * (after reading the body, or answering a missing tenant with a status).
   */
  NONE
}
