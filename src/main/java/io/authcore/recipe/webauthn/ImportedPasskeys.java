package io.authcore.recipe.webauthn;

import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import java.io.ByteArrayOutputStream;

/**
 * Passkeys registered elsewhere, brought in as what any WebAuthn server keeps of one: the raw
 * credential id and the COSE_Key public key from the registration's attested credential data. The
 * tables hold the attested credential data itself (AAGUID, credential id, COSE key, as the original
 * writes it), so an imported key is stored in that form with no AAGUID, as "none" attestation
 * gives, and signs in like a key registered here.
 */
public final class ImportedPasskeys {
  private static final int MAX_CREDENTIAL_ID_BYTES = 0xffff;

  private ImportedPasskeys() {}

  /** A key that cannot be stored, with the reason. */
  public static final class InvalidKeyException extends Exception {
    InvalidKeyException(String reason) {
      super(reason);
    }
  }

  /**
   * The stored form of a credential: its attested credential data, the COSE key written again as
   * the library writes keys it registers.
   *
   * @throws InvalidKeyException for bytes that are no COSE key, or a key no sign-in could verify
   */
  public static byte[] attestedData(byte[] credentialId, byte[] coseKey)
      throws InvalidKeyException {
    if (credentialId.length == 0 || credentialId.length > MAX_CREDENTIAL_ID_BYTES) {
      throw new InvalidKeyException("the credential id has no bytes or too many");
    }
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    raw.writeBytes(AAGUID.ZERO.getBytes());
    raw.write(credentialId.length >>> 8);
    raw.write(credentialId.length & 0xff);
    raw.writeBytes(credentialId);
    raw.writeBytes(coseKey);
    AttestedCredentialData parsed;
    try {
      parsed = CeremonyVerifier.attestedData(raw.toByteArray());
    } catch (RuntimeException e) {
      throw new InvalidKeyException("it is no COSE key");
    }
    COSEKey key = parsed.getCOSEKey();
    if (key == null) {
      throw new InvalidKeyException("it is no COSE key");
    }
    String problem = CeremonyVerifier.algorithmProblem(key);
    if (problem != null) {
      throw new InvalidKeyException(problem);
    }
    try {
      key.validate();
      if (key.getPublicKey() == null) {
        throw new InvalidKeyException("it holds no public key");
      }
    } catch (RuntimeException e) {
      throw new InvalidKeyException("it holds no valid public key");
    }
    return CeremonyVerifier.attestedData(
        new AttestedCredentialData(AAGUID.ZERO, credentialId, key));
  }
}
