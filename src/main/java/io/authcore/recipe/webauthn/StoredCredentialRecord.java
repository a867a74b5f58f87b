package io.authcore.recipe.webauthn;

import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.client.CollectedClientData;

/**
 * A stored credential as webauthn4j's verifier sees it: the attested credential data and the
 * counter, nothing else. The table keeps no flags, so the backup and user-verification history the
 * library could compare against is unknown (null), as in the original.
 */
final class StoredCredentialRecord implements CredentialRecord {
  private final AttestedCredentialData attested;
  private long counter;

  StoredCredentialRecord(AttestedCredentialData attested, long counter) {
    this.attested = attested;
    this.counter = counter;
  }

  @Override
  public AttestedCredentialData getAttestedCredentialData() {
    return attested;
  }

  @Override
  public long getCounter() {
    return counter;
  }

  /** The library sets the counter the assertion carried once the assertion is verified. */
  @Override
  public void setCounter(long value) {
    this.counter = value;
  }

  @Override
  public CollectedClientData getClientData() {
    return null;
  }

  @Override
  public Boolean isUvInitialized() {
    return null;
  }

  @Override
  public void setUvInitialized(boolean value) {
    // not kept
  }

  @Override
  public Boolean isBackupEligible() {
    return null;
  }

  @Override
  public void setBackupEligible(boolean value) {
    // not kept
  }

  @Override
  public Boolean isBackedUp() {
    return null;
  }

  @Override
  public void setBackedUp(boolean value) {
    // not kept
  }
}
