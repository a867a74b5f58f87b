package io.authcore.recipe.webauthn;

import com.webauthn4j.converter.jackson.deserializer.cbor.COSEKeyEnvelope;
import com.webauthn4j.converter.util.CborConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import java.io.ByteArrayOutputStream;

/**
 * Passkeys registered elsewhere, brought in as what any WebAuthn server keeps of one: the raw
 * credential id and the COSE_Key public key from the registration's attested credential data. The
 * tables hold the attested credential data itself (AAGUID, credential id, COSE key, as the original
 * writes it), so an imported key is stored in that form, its COSE bytes as given, with no AAGUID
 * (as "none" attestation gives), and signs in like a key registered here.
 */
public final class ImportedPasskeys {
  private static final int MAX_CREDENTIAL_ID_BYTES = 0xffff;

  // The COSE key alone, read as the library reads it inside attested credential data: about ten
  // times faster than reading whole attested credential data, which counts for 10,000 users.
  private static final CborConverter CBOR = new ObjectConverter().getCborConverter();

  private ImportedPasskeys() {}

  /** A key that cannot be stored, with the reason. */
  public static final class InvalidKeyException extends Exception {
    InvalidKeyException(String reason) {
      super(reason);
    }
  }

  /**
   * Checks that the bytes are one COSE key, nothing before or after it, that a sign-in can verify.
   *
   * @throws InvalidKeyException with the reason when they are not
   */
  public static void check(byte[] credentialId, byte[] coseKey) throws InvalidKeyException {
    if (credentialId.length == 0 || credentialId.length > MAX_CREDENTIAL_ID_BYTES) {
      throw new InvalidKeyException("the credential id has no bytes or too many");
    }
    COSEKey key;
    try {
      COSEKeyEnvelope envelope = CBOR.readValue(coseKey, COSEKeyEnvelope.class);
      key =
          envelope == null || envelope.getLength() != coseKey.length ? null : envelope.getCOSEKey();
    } catch (RuntimeException e) {
      key = null;
    }
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
  }

  /** The stored form of a credential whose key passed {@link #check}: its attested data. */
  public static byte[] attestedData(byte[] credentialId, byte[] coseKey) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(AAGUID.ZERO.getBytes());
    out.write(credentialId.length >>> 8);
    out.write(credentialId.length & 0xff);
    out.writeBytes(credentialId);
    out.writeBytes(coseKey);
    return out.toByteArray();
  }
}
