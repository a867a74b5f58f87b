package io.authcore.limits;

/**
 * A limit was reached where no business status fits: the API answers HTTP 429, which the SDKs retry
 * a few times and then report as an error, without anything sent to the user.
 */
public final class LimitReachedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LimitReachedException(Limit limit) {
    super("Too many requests: " + limit.setting() + " reached", null, false, false);
  }
}
