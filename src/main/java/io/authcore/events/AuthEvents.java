package io.authcore.events;

/**
 * What the services tell about the authentication they did, for counting (the metrics package
 * implements it; {@link #NONE} ignores all). Each method is called after the outcome is known, on
 * the request's thread: implementations must be quick and must not throw. App ids are those of
 * existing apps; recipes and outcomes come from small fixed sets, so they may serve as labels.
 */
public interface AuthEvents {
  AuthEvents NONE = new AuthEvents() {};

  /** What happened to sessions. */
  enum SessionEvent {
    CREATED,
    REFRESHED,
    REVOKED,
    TOKEN_THEFT_DETECTED
  }

  /** {@code count} sessions of the app had {@code event} (several are revoked at once). */
  default void sessions(String appId, SessionEvent event, int count) {}

  /**
   * A sign-in attempt ended.
   *
   * @param recipe {@code emailpassword}, {@code thirdparty}, {@code passwordless}, {@code webauthn}
   * @param outcome {@code OK} or the business status answered, such as {@code
   *     WRONG_CREDENTIALS_ERROR}
   */
  default void signIn(String appId, String recipe, String outcome) {}

  /** A sign-up attempt ended; as {@link #signIn}. */
  default void signUp(String appId, String recipe, String outcome) {}

  /** A new access-token signing key was made for the app by rotation. */
  default void signingKeyRotated(String appId) {}
}
