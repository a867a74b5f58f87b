/**
 * The only storage implementation: JDBC over HikariCP, for PostgreSQL and in-memory H2, with a
 * {@link io.authcore.storage.jdbc.Dialect} for what differs. Only {@code Authcore} names this
 * package. A new store is one {@code JdbcXxxStore} over {@link io.authcore.storage.jdbc.Sql} (table
 * names from {@link io.authcore.storage.jdbc.Tables}) plus one line in {@link
 * io.authcore.storage.jdbc.JdbcStores}; schema changes are new migration versions (see {@code
 * src/main/resources/db/README.md}).
 */
package io.authcore.storage.jdbc;
