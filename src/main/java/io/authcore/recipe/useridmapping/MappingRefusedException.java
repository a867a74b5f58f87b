package io.authcore.recipe.useridmapping;

/**
 * A mapping change the original refuses with status 400; the message is its exact text, such as
 * {@code UserId is already in use in UserRoles recipe}.
 */
public final class MappingRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MappingRefusedException(String message) {
    super(message, null, false, false);
  }
}
