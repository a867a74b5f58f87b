package io.authcore.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * What differs between PostgreSQL and H2 in PostgreSQL mode. Everything else (DML, the DDL of the
 * deployment document spelled portably, {@code ON CONFLICT DO NOTHING} without a target) is shared.
 * H2 lacks {@code RETURNING} (it selects from the change instead), {@code ON CONFLICT} with a
 * target, partial indexes and PL/pgSQL.
 */
interface Dialect {
  /** Short engine name; also the folder of engine-specific migrations. */
  String name();

  /**
   * An insert that replaces the other columns of the row with the same key, with one {@code ?} per
   * column in the order {@code keys} then {@code others}.
   */
  String upsert(String table, List<String> keys, List<String> others);

  /**
   * The clause that locks the selected rows against other lockers but not against inserts that
   * reference them by foreign key.
   */
  String lockWithoutKeyUpdate();

  /**
   * A column to order rows as the engine stores them: insertion order for rows never updated, what
   * a query without {@code ORDER BY} usually returns.
   */
  String insertionOrder();

  /** Whether an {@code INSERT} may run inside {@code WITH} and be read back by the query. */
  boolean insertsInWith();

  /**
   * Whether each statement crosses a socket to a server, so that reads arriving together are worth
   * one statement ({@link ReadCombiner}); not for an engine inside this process.
   */
  boolean readsAcrossASocket();

  /** A query running {@code update} that returns these columns of the rows as it left them. */
  String updated(String update, String columns);

  /** A query running {@code delete} that returns these columns of the rows it removed. */
  String deleted(String delete, String columns);

  /** The tables of one schema, as the catalog names them. */
  Set<String> tablesIn(Connection connection, String schema) throws SQLException;
}
