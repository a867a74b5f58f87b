package io.authcore.limits;

/**
 * The abuse limits, each an app-level setting: the most events of its kind one key (an account or a
 * client address) may have in a window of {@code abuse_window_seconds}; 0 switches it off.
 */
public enum Limit {
  /** Wrong passwords for one email; a successful sign-in clears them. */
  SIGN_IN_FAILURES_PER_ACCOUNT("abuse_sign_in_failures_per_account", true, "account"),
  /** Wrong passwords from one client address; a success does not clear them. */
  SIGN_IN_FAILURES_PER_IP("abuse_sign_in_failures_per_ip", false, "client"),
  SIGN_UPS_PER_IP("abuse_sign_ups_per_ip", false, "client"),
  /** Wrong passwordless codes for one email or phone number, over all its devices. */
  PASSWORDLESS_CODE_FAILURES_PER_ACCOUNT(
      "abuse_passwordless_code_failures_per_account", true, "account"),
  PASSWORDLESS_CODES_PER_ACCOUNT("abuse_passwordless_codes_per_account", false, "account"),
  PASSWORD_RESET_TOKENS_PER_ACCOUNT("abuse_password_reset_tokens_per_account", false, "user"),
  EMAIL_VERIFICATION_TOKENS_PER_ACCOUNT(
      "abuse_email_verification_tokens_per_account", false, "user");

  private final String setting;
  private final boolean clearedBySuccess;
  private final String keyKind;

  Limit(String setting, boolean clearedBySuccess, String keyKind) {
    this.setting = setting;
    this.clearedBySuccess = clearedBySuccess;
    this.keyKind = keyKind;
  }

  /** The config key holding the limit. */
  public String setting() {
    return setting;
  }

  boolean clearedBySuccess() {
    return clearedBySuccess;
  }

  /** What the key is, for the log line. */
  String keyKind() {
    return keyKind;
  }
}
