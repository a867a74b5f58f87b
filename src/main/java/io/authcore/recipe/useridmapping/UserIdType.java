package io.authcore.recipe.useridmapping;

/** Which of its ids a request names a user by. */
public enum UserIdType {
  SUPERTOKENS,
  EXTERNAL,
  /** Either: a SuperTokens id when one exists, else an external id. */
  ANY
}
