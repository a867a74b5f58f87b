package io.authcore.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RS256 signatures (RSASSA-PKCS1-v1_5 with SHA-256), made and checked by OpenSSL where the system
 * has OpenSSL 3 ({@link OpenSslRsa}: three times as fast to sign, twice to check) and by the JDK
 * otherwise, for a key OpenSSL cannot read, or when the system property {@value #PROPERTY} is
 * {@code false}.
 *
 * <p>Neither is trusted blindly with a key. These signatures are deterministic, so both must make
 * the same bytes: before OpenSSL signs with a key, both sign a test input with it. A public key has
 * no such test, so the JDK answers every check with it, OpenSSL checking alongside, until both have
 * accepted the same signature. A key on which they disagree stays with the JDK.
 */
final class Rs256 {
  static final String PROPERTY = "authcore.openssl";

  private static final Logger LOG = LoggerFactory.getLogger(Rs256.class);
  private static final byte[] CHECK_INPUT =
      "a test input that OpenSSL and the JDK must sign alike".getBytes(StandardCharsets.US_ASCII);

  private final OpenSslRsa openssl; // null: the JDK makes every signature
  // Keyed weakly by the JDK's key object: OpenSSL's copy is freed once that key is dropped.
  private final Map<PrivateKey, Optional<OpenSslRsa.Key>> keys =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Map<PublicKey, Optional<PublicKeyState>> publicKeys =
      Collections.synchronizedMap(new WeakHashMap<>());

  private static final class PublicKeyState {
    final OpenSslRsa.Key key;
    volatile boolean agreed; // OpenSSL and the JDK have accepted the same signature

    PublicKeyState(OpenSslRsa.Key key) {
      this.key = key;
    }
  }

  private Rs256(OpenSslRsa openssl) {
    this.openssl = openssl;
  }

  private static final class SystemHolder {
    static final Rs256 INSTANCE = create(!"false".equals(System.getProperty(PROPERTY)));
  }

  /** The process's signer, chosen (and logged) on first use. */
  static Rs256 system() {
    return SystemHolder.INSTANCE;
  }

  /** A signer that tries OpenSSL first when {@code useOpenSsl}, and otherwise the JDK only. */
  static Rs256 create(boolean useOpenSsl) {
    if (!useOpenSsl) {
      LOG.info("RS256 signatures are made by the JDK ({} is false)", PROPERTY);
      return new Rs256(null);
    }
    try {
      OpenSslRsa openssl = OpenSslRsa.load();
      LOG.info("RS256 signatures are made by {}", openssl.describe());
      return new Rs256(openssl);
    } catch (LinkageError | RuntimeException e) {
      LOG.info(
          "RS256 signatures are made by the JDK: OpenSSL 3 is not usable here ({})",
          e.getMessage());
      return new Rs256(null);
    }
  }

  /**
   * A new RSA pair of {@code bits} made by OpenSSL, or empty where the JDK must make it (no
   * OpenSSL, or a pair that is not exactly what was asked for).
   */
  Optional<KeyPair> generate(int bits) {
    byte[][] der = openssl == null ? null : openssl.generate(bits);
    if (der == null) {
      return Optional.empty();
    }
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der[0]));
      RSAPrivateCrtKey privateKey =
          (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der[1]));
      boolean asked =
          publicKey.getModulus().bitLength() == bits
              && publicKey.getModulus().equals(privateKey.getModulus())
              && publicKey.getPublicExponent().equals(RSAKeyGenParameterSpec.F4);
      return asked ? Optional.of(new KeyPair(publicKey, privateKey)) : Optional.empty();
    } catch (GeneralSecurityException | ClassCastException e) {
      LOG.warn("OpenSSL made an RSA key the JDK cannot read; the JDK makes this one");
      return Optional.empty();
    } finally {
      Arrays.fill(der[1], (byte) 0);
    }
  }

  boolean usesOpenSsl() {
    return openssl != null;
  }

  /** True when signatures with {@code key} are OpenSSL's (it is checked now if it is new). */
  boolean signsWithOpenSsl(PrivateKey key) {
    return openssl != null && keys.computeIfAbsent(key, this::checked).isPresent();
  }

  byte[] sign(PrivateKey key, byte[] input) throws GeneralSecurityException {
    if (openssl != null) {
      Optional<OpenSslRsa.Key> known = keys.computeIfAbsent(key, this::checked);
      if (known.isPresent()) {
        byte[] signature = openssl.sign(known.get(), sha256(input));
        if (signature != null) {
          return signature;
        }
        LOG.warn("OpenSSL could not sign with a key that it signed with before; the JDK signs now");
        keys.put(key, Optional.empty());
      }
    }
    return jdkSign(key, input);
  }

  /** Whether {@code signature} is {@code key}'s RS256 signature of {@code input}. */
  boolean verify(PublicKey key, byte[] input, byte[] signature) throws GeneralSecurityException {
    if (openssl != null) {
      Optional<PublicKeyState> known =
          publicKeys.computeIfAbsent(
              key, k -> Optional.ofNullable(openssl.load(k)).map(PublicKeyState::new));
      if (known.isPresent()) {
        PublicKeyState state = known.get();
        int verdict = openssl.verify(state.key, sha256(input), signature);
        if (state.agreed && verdict >= 0) {
          return verdict == 1;
        }
        boolean jdk = jdkVerifies(key, input, signature);
        if (verdict >= 0 && jdk != (verdict == 1)) {
          LOG.warn(
              "OpenSSL and the JDK disagree on a signature; the JDK checks this key from now on");
          publicKeys.put(key, Optional.empty());
        } else if (jdk && verdict == 1) {
          state.agreed = true;
        }
        return jdk;
      }
    }
    return jdkVerifies(key, input, signature);
  }

  /** Whether the key's RS256 checks are OpenSSL's alone yet (false until both accepted one). */
  boolean verifiesWithOpenSsl(PublicKey key) {
    Optional<PublicKeyState> state = publicKeys.get(key);
    return state != null && state.isPresent() && state.get().agreed;
  }

  static boolean jdkVerifies(PublicKey key, byte[] input, byte[] signature)
      throws GeneralSecurityException {
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(key);
    rsa.update(input);
    try {
      return rsa.verify(signature);
    } catch (SignatureException e) {
      return false; // e.g. a signature of the wrong length
    }
  }

  static byte[] jdkSign(PrivateKey key, byte[] input) throws GeneralSecurityException {
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update(input);
    return rsa.sign();
  }

  private Optional<OpenSslRsa.Key> checked(PrivateKey key) {
    if (!(key instanceof RSAPrivateKey)) {
      return Optional.empty();
    }
    OpenSslRsa.Key loaded = openssl.load(key);
    if (loaded == null) {
      LOG.info("OpenSSL cannot read an RSA key; the JDK signs with it");
      return Optional.empty();
    }
    try {
      byte[] expected = jdkSign(key, CHECK_INPUT);
      if (Arrays.equals(expected, openssl.sign(loaded, sha256(CHECK_INPUT)))) {
        return Optional.of(loaded);
      }
      LOG.warn("OpenSSL and the JDK sign differently with an RSA key; the JDK signs with it");
    } catch (GeneralSecurityException e) {
      LOG.info("the JDK cannot sign with an RSA key that OpenSSL read ({})", e.getMessage());
    }
    return Optional.empty();
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
