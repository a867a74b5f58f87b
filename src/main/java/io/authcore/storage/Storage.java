package io.authcore.storage;

/** What recipes may ask of a database. One implementation serves PostgreSQL and H2. */
public interface Storage extends AutoCloseable {
  /**
   * A cheap round trip to the database; throws {@link StorageException} when it does not answer.
   */
  void ping();

  @Override
  void close();
}
