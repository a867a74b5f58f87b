package io.authcore.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.threads.Daemons;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * RSA signing keys in the forms the original keeps them: the {@code value} column of {@code
 * session_access_token_signing_keys} and the {@code key_string} column of {@code jwt_signing_keys}
 * both hold {@code <base64 X.509 SubjectPublicKeyInfo>|<base64 PKCS#8 private key>} (standard
 * base64 with padding), and the JWKS lists each public key as a JWK.
 */
public final class RsaKeys {
  public static final int KEY_BITS = 2048;

  private static final char SEPARATOR = '|';
  // Older originals wrote dynamic keys with ';'; they are still read so a shared database
  // keeps working without a migration.
  private static final String ANY_SEPARATOR = "[|;]";

  /** Pairs being made ahead of need, oldest first (see {@link #generateAhead}). */
  private static final Queue<CompletableFuture<KeyPair>> AHEAD = new ConcurrentLinkedQueue<>();

  private RsaKeys() {}

  /**
   * Starts making {@code count} key pairs on a thread of its own, for a start-up that is known to
   * need them: a fresh in-memory database needs the public app's two signing keys, and two 2048-bit
   * keys take the JDK's key generator about a second of CPU before the JIT has compiled it
   * (OpenSSL, where there is one, a tenth of that). Made while the schema is created, they are
   * ready, or nearly, when the keys are stored. The next {@link #generate} calls take them, waiting
   * for them if need be.
   */
  public static void generateAhead(int count) {
    List<CompletableFuture<KeyPair>> pairs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pairs.add(new CompletableFuture<>());
    }
    AHEAD.addAll(pairs);
    Daemons.start(
        "authcore-rsa-keys-ahead",
        () ->
            pairs.forEach(
                pair -> {
                  try {
                    pair.complete(newPair());
                  } catch (RuntimeException e) {
                    pair.completeExceptionally(e); // its taker throws, never waits forever
                  }
                }));
  }

  /** A new key pair: one made ahead when there is one, else one made now. */
  public static KeyPair generate() {
    CompletableFuture<KeyPair> ahead = AHEAD.poll();
    return ahead != null ? ahead.join() : newPair();
  }

  private static KeyPair newPair() {
    Optional<KeyPair> byOpenSsl = Rs256.system().generate(KEY_BITS);
    if (byOpenSsl.isPresent()) {
      return byOpenSsl.get();
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(KEY_BITS);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has RSA", e);
    }
  }

  /** {@code <base64 public>|<base64 private>}, the stored form. */
  public static String serialise(KeyPair pair) {
    return publicKeyBase64(pair.getPublic())
        + SEPARATOR
        + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
  }

  /** Reads the stored form (either separator). The message never contains key material. */
  public static KeyPair parse(String stored) {
    String[] parts = stored == null ? new String[0] : stored.split(ANY_SEPARATOR, -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("a stored RSA key must be '<public>|<private>'");
    }
    return new KeyPair(publicKeyFromBase64(parts[0]), privateKeyFromBase64(parts[1]));
  }

  /** Standard base64 of the X.509 SubjectPublicKeyInfo, as the legacy handshake shows it. */
  public static String publicKeyBase64(PublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  public static RSAPublicKey publicKeyFromBase64(String base64X509) {
    try {
      byte[] der = Base64.getDecoder().decode(base64X509);
      return (RSAPublicKey) rsa().generatePublic(new X509EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("malformed RSA public key");
    }
  }

  public static PrivateKey privateKeyFromBase64(String base64Pkcs8) {
    try {
      byte[] der = Base64.getDecoder().decode(base64Pkcs8);
      return rsa().generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("malformed RSA private key");
    }
  }

  /**
   * The JWK the original's JWKS lists: {@code kty, kid, n, e, alg, use} in that order, {@code n}
   * and {@code e} as unpadded base64url of the unsigned big-endian magnitude.
   */
  public static ObjectNode jwk(String kid, RSAPublicKey key) {
    ObjectNode jwk = JsonNodeFactory.instance.objectNode();
    jwk.put("kty", "RSA");
    jwk.put("kid", kid);
    jwk.put("n", base64Url(unsignedMagnitude(key.getModulus())));
    jwk.put("e", base64Url(unsignedMagnitude(key.getPublicExponent())));
    jwk.put("alg", Jwt.ALGORITHM);
    jwk.put("use", "sig");
    return jwk;
  }

  /** The public key a JWK describes (only {@code kty}, {@code n} and {@code e} are read). */
  public static RSAPublicKey fromJwk(JsonNode jwk) {
    if (!"RSA".equals(jwk.path("kty").asText(null))
        || !jwk.path("n").isTextual()
        || !jwk.path("e").isTextual()) {
      throw new IllegalArgumentException("not an RSA JWK");
    }
    try {
      BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n").asText()));
      BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("e").asText()));
      return (RSAPublicKey) rsa().generatePublic(new RSAPublicKeySpec(n, e));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("malformed RSA JWK");
    }
  }

  /** Big-endian bytes without the sign byte {@link BigInteger#toByteArray} may prepend. */
  static byte[] unsignedMagnitude(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative");
    }
    byte[] bytes = value.toByteArray();
    int minimal = Math.max(1, (value.bitLength() + 7) / 8);
    return bytes.length > minimal
        ? Arrays.copyOfRange(bytes, bytes.length - minimal, bytes.length)
        : bytes;
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static KeyFactory rsa() throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA");
  }
}
