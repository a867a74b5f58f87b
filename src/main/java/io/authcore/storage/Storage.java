package io.authcore.storage;

/**
 * What recipes may ask of a database. One implementation serves PostgreSQL and H2.
 *
 * <p>The stores reached through this object run each call in its own short transaction on a pooled
 * connection. A recipe operation that writes several rows or tables uses {@link #inTransaction}:
 * the stores handed to the unit of work share one connection and commit or roll back together.
 */
public interface Storage extends Stores, AutoCloseable {

  /**
   * A cheap read that proves the database answers (the original reads the {@code Test} key).
   *
   * @throws StorageException when it does not answer
   */
  void ping();

  /**
   * Runs {@code work} in one transaction and returns its result. It commits when {@code work}
   * returns and rolls back when it throws; the exception then propagates unchanged. When the
   * database aborts the transaction for a serialization failure or a deadlock, the whole unit of
   * work runs again (a few times), so it must not have side effects outside the database.
   *
   * <p>Once a statement has failed (a {@link Violation}, say), PostgreSQL refuses every further
   * statement of the transaction: let the {@link StorageException} end the unit of work, and turn
   * it into a business outcome outside, or check before writing.
   */
  <T> T inTransaction(UnitOfWork<T> work);

  /** {@link #inTransaction} for work that returns nothing. */
  default void runInTransaction(VoidUnitOfWork work) {
    inTransaction(
        tx -> {
          work.run(tx);
          return null;
        });
  }

  @Override
  void close();

  /** Work done with the stores of one transaction. */
  @FunctionalInterface
  interface UnitOfWork<T> {
    T run(Stores tx);
  }

  /** Work done with the stores of one transaction, without a result. */
  @FunctionalInterface
  interface VoidUnitOfWork {
    void run(Stores tx);
  }
}
