/**
 * The storage SPI: what services may ask of a database, one store interface per concern, plus
 * {@link io.authcore.storage.Storage#inTransaction} for work that must be atomic. Nothing here
 * names JDBC, SQL or an engine; {@code storage.jdbc} is the only implementation and only {@code
 * Authcore} names it.
 */
package io.authcore.storage;
