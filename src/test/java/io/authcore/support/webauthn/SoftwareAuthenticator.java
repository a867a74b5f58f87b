package io.authcore.support.webauthn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A passkey in software: one key pair and one credential id, answering registration and sign-in
 * ceremonies with the bytes a browser would send (RegistrationResponseJSON and
 * AuthenticationResponseJSON, attestation format "none"). Each sign-in counts its signature counter
 * up by one, as hardware does; {@link #counter(long)} sets it back to test regressions.
 */
public final class SoftwareAuthenticator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int USER_PRESENT = 0x01;
  private static final int USER_VERIFIED = 0x04;
  private static final int ATTESTED_CREDENTIAL = 0x40;

  private final Algorithm algorithm;
  private final KeyPair keys;
  private byte[] credentialId;
  private long counter;

  /** COSE algorithms this authenticator can sign with. */
  public enum Algorithm {
    ES256(-7, "EC", "SHA256withECDSA"),
    RS256(-257, "RSA", "SHA256withRSA"),
    EDDSA(-8, "Ed25519", "Ed25519");

    final long cose;
    final String keyType;
    final String signature;

    Algorithm(long cose, String keyType, String signature) {
      this.cose = cose;
      this.keyType = keyType;
      this.signature = signature;
    }
  }

  private SoftwareAuthenticator(Algorithm algorithm) {
    this.algorithm = algorithm;
    this.keys = generate(algorithm);
    this.credentialId = new byte[16];
    RANDOM.nextBytes(credentialId);
  }

  public static SoftwareAuthenticator es256() {
    return new SoftwareAuthenticator(Algorithm.ES256);
  }

  public static SoftwareAuthenticator rs256() {
    return new SoftwareAuthenticator(Algorithm.RS256);
  }

  public static SoftwareAuthenticator eddsa() {
    return new SoftwareAuthenticator(Algorithm.EDDSA);
  }

  /** Uses this credential id (base64url) instead of the random one, for answers that show it. */
  public SoftwareAuthenticator credentialId(String base64url) {
    this.credentialId = Base64.getUrlDecoder().decode(base64url);
    return this;
  }

  public String credentialId() {
    return base64url(credentialId);
  }

  /**
   * The public key as the COSE_Key bytes (base64url) a server keeps from the registration's
   * attested credential data: what an exporter of another system hands over with the id.
   */
  public String coseKey() {
    return base64url(Cbor.encode(coseKey(null)));
  }

  public long counter() {
    return counter;
  }

  public SoftwareAuthenticator counter(long value) {
    this.counter = value;
    return this;
  }

  /** The response to `navigator.credentials.create()` for these options. */
  public ObjectNode register(Ceremony ceremony) {
    byte[] clientData = clientData(ceremony, "webauthn.create");
    ByteArrayOutputStream attested = new ByteArrayOutputStream();
    attested.writeBytes(new byte[16]); // AAGUID: none, as "none" attestation allows
    attested.write(credentialId.length >>> 8);
    attested.write(credentialId.length & 0xff);
    attested.writeBytes(credentialId);
    attested.writeBytes(Cbor.encode(coseKey(ceremony.coseAlgorithm())));
    byte[] authData =
        authenticatorData(ceremony, ATTESTED_CREDENTIAL, counter, attested.toByteArray());
    Map<String, Object> attestation = new LinkedHashMap<>();
    attestation.put("fmt", "none");
    attestation.put("attStmt", Map.of());
    attestation.put("authData", authData);

    ObjectNode credential = envelope();
    ObjectNode response = credential.putObject("response");
    response.put("clientDataJSON", base64url(clientData));
    response.put("attestationObject", base64url(Cbor.encode(attestation)));
    response.putArray("transports").add("internal");
    return credential;
  }

  /** The response to `navigator.credentials.get()` for these options; counts the counter up. */
  public ObjectNode signIn(Ceremony ceremony) {
    counter++;
    byte[] clientData = clientData(ceremony, "webauthn.get");
    byte[] authData = authenticatorData(ceremony, 0, counter, new byte[0]);
    ObjectNode credential = envelope();
    ObjectNode response = credential.putObject("response");
    response.put("clientDataJSON", base64url(clientData));
    response.put("authenticatorData", base64url(authData));
    response.put("signature", base64url(sign(authData, sha256(clientData))));
    if (ceremony.userHandle() != null) {
      response.put("userHandle", ceremony.userHandle());
    }
    return credential;
  }

  private ObjectNode envelope() {
    ObjectNode credential = JSON.createObjectNode();
    credential.put("id", credentialId());
    credential.put("rawId", credentialId());
    credential.put("type", "public-key");
    credential.putObject("clientExtensionResults");
    credential.put("authenticatorAttachment", "platform");
    return credential;
  }

  private static byte[] clientData(Ceremony ceremony, String type) {
    ObjectNode data = JSON.createObjectNode();
    data.put("type", ceremony.clientDataType() != null ? ceremony.clientDataType() : type);
    data.put("challenge", ceremony.challenge());
    data.put("origin", ceremony.origin());
    data.put("crossOrigin", false);
    return data.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] authenticatorData(
      Ceremony ceremony, int extraFlags, long count, byte[] attested) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(sha256(ceremony.rpId().getBytes(StandardCharsets.UTF_8)));
    int flags = extraFlags;
    flags |= ceremony.userPresent() ? USER_PRESENT : 0;
    flags |= ceremony.userVerified() ? USER_VERIFIED : 0;
    out.write(flags);
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write((int) (count >>> shift) & 0xff);
    }
    out.writeBytes(attested);
    return out.toByteArray();
  }

  /** The public key as a COSE_Key map, its entries in canonical order (1, 3, -1, -2, -3). */
  private Map<Object, Object> coseKey(Long algOverride) {
    long alg = algOverride != null ? algOverride : algorithm.cose;
    Map<Object, Object> key = new LinkedHashMap<>();
    switch (algorithm) {
      case ES256 -> {
        ECPublicKey ec = (ECPublicKey) keys.getPublic();
        key.put(1, 2); // kty: EC2
        key.put(3, alg);
        key.put(-1, 1); // crv: P-256
        key.put(-2, unsigned(ec.getW().getAffineX(), 32));
        key.put(-3, unsigned(ec.getW().getAffineY(), 32));
      }
      case RS256 -> {
        RSAPublicKey rsa = (RSAPublicKey) keys.getPublic();
        key.put(1, 3); // kty: RSA
        key.put(3, alg);
        key.put(-1, unsigned(rsa.getModulus(), 0));
        key.put(-2, unsigned(rsa.getPublicExponent(), 0));
      }
      case EDDSA -> {
        byte[] x509 = keys.getPublic().getEncoded();
        key.put(1, 1); // kty: OKP
        key.put(3, alg);
        key.put(-1, 6); // crv: Ed25519
        key.put(-2, Arrays.copyOfRange(x509, x509.length - 32, x509.length));
      }
    }
    return key;
  }

  private byte[] sign(byte[] authData, byte[] clientDataHash) {
    try {
      Signature signature = Signature.getInstance(algorithm.signature);
      signature.initSign(keys.getPrivate());
      signature.update(authData);
      signature.update(clientDataHash);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair generate(Algorithm algorithm) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyType);
      if (algorithm == Algorithm.ES256) {
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      } else if (algorithm == Algorithm.RS256) {
        generator.initialize(2048);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Big-endian magnitude, left-padded to {@code length} bytes (0: no padding). */
  private static byte[] unsigned(BigInteger value, int length) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    if (bytes.length >= length) {
      return bytes;
    }
    byte[] padded = new byte[length];
    System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
    return padded;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
