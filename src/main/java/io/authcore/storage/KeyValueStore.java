package io.authcore.storage;

import io.authcore.tenancy.TenantId;
import java.util.Optional;

/**
 * The {@code key_value} table: small named values per app and tenant (signing keys, the license,
 * feature flags). Only the tenant's app id and tenant id are used; the connection-URI domain is not
 * part of the key.
 */
public interface KeyValueStore {
  Optional<KeyValue> get(TenantId tenant, String name);

  /**
   * Inserts or replaces the value.
   *
   * @throws StorageException with a {@link Violation.Kind#FOREIGN_KEY} violation on {@code
   *     key_value_tenant_id_fkey} when the tenant does not exist
   */
  void set(TenantId tenant, String name, KeyValue value);

  /** Returns whether a row was deleted. */
  boolean delete(TenantId tenant, String name);

  /** A stored value and the time it was created, in epoch milliseconds. */
  record KeyValue(String value, long createdAtTime) {}
}
