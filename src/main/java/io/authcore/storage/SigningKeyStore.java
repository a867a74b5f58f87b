package io.authcore.storage;

import java.util.List;

/**
 * Access-token signing keys ({@code session_access_token_signing_keys}, rotating, per app) and JWT
 * signing keys ({@code jwt_signing_keys}, static, per app). Key material is stored in the
 * original's {@code "<public>|<private>"} text form.
 */
public interface SigningKeyStore {
  /** The newest {@code limit} keys, newest first. */
  List<DynamicKey> dynamicKeys(String appId, int limit);

  void insertDynamicKey(String appId, DynamicKey key);

  /** Deletes dynamic keys created before {@code cutoff}; returns how many. */
  int deleteDynamicKeysCreatedBefore(String appId, long cutoff);

  /** Oldest first. */
  List<StaticKey> staticKeys(String appId);

  void insertStaticKey(String appId, StaticKey key);

  /**
   * Serialises key creation for one app across every Authcore on the database, until the
   * transaction ends; use inside a transaction before deciding to create a key.
   */
  void lockApp(String appId);

  record DynamicKey(long createdAt, String value) {}

  record StaticKey(String keyId, String value, String algorithm, long createdAt) {}
}
