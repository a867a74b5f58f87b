package io.authcore.recipe.session;

/**
 * Input the session recipe refuses with the original's 400 text: a user payload that uses a claim
 * of the token's version, or an access-token validity out of range.
 */
public final class SessionInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final String PROTECTED_FIELD = "The user payload contains protected field";

  SessionInputException(String message) {
    super(message, null, false, false);
  }

  static SessionInputException protectedField() {
    return new SessionInputException(PROTECTED_FIELD);
  }
}
