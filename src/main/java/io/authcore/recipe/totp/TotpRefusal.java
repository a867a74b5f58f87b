package io.authcore.recipe.totp;

import io.authcore.recipe.Status;

/**
 * A refused code: {@code INVALID_TOTP_ERROR} or {@code LIMIT_REACHED_ERROR} with the attempt
 * counts, which the API shows from CDI 5.0 only. {@code retryAfterMs} is set for the limit only.
 */
public final class TotpRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Status status;
  private final long retryAfterMs;
  private final int failedAttempts;
  private final int maxFailedAttempts;

  private TotpRefusal(Status status, long retryAfterMs, int failedAttempts, int maxFailedAttempts) {
    super(status.name(), null, false, false);
    this.status = status;
    this.retryAfterMs = retryAfterMs;
    this.failedAttempts = failedAttempts;
    this.maxFailedAttempts = maxFailedAttempts;
  }

  static TotpRefusal invalid(int failedAttempts, int maxFailedAttempts) {
    return new TotpRefusal(Status.INVALID_TOTP_ERROR, 0, failedAttempts, maxFailedAttempts);
  }

  static TotpRefusal limitReached(long retryAfterMs, int failedAttempts, int maxFailedAttempts) {
    return new TotpRefusal(
        Status.LIMIT_REACHED_ERROR, retryAfterMs, failedAttempts, maxFailedAttempts);
  }

  public Status status() {
    return status;
  }

  public boolean limitReached() {
    return status == Status.LIMIT_REACHED_ERROR;
  }

  public long retryAfterMs() {
    return retryAfterMs;
  }

  public int failedAttempts() {
    return failedAttempts;
  }

  public int maxFailedAttempts() {
    return maxFailedAttempts;
  }
}
