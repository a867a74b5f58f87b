package io.authcore.recipe.session;

/**
 * A memory-only call found that it needs the database (an uncached key, a session row, a token to
 * promote). Thrown before any side effect, so the caller may run the call again where it may block.
 */
final class StorageNeeded extends RuntimeException {
  static final StorageNeeded INSTANCE = new StorageNeeded();

  private StorageNeeded() {
    super("the database is needed", null, false, false);
  }
}
