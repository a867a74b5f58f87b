package io.authcore.crypto;

/**
 * A token that is not a well-formed RS256 JWT of the kind the core issues. Callers answer it with
 * UNAUTHORISED / TRY_REFRESH_TOKEN, never with a server error. Messages are the original's.
 */
public final class MalformedJwtException extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedJwtException(String message) {
    super(message);
  }
}
