package io.authcore.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the payload of a refresh token exactly as the original does, so tokens issued by either
 * server open on the other over a shared database.
 *
 * <p>Output is standard base64 (with padding) of {@code iv || ciphertext || tag}: a fresh random
 * 12-byte IV, AES-256-GCM with a 128-bit tag and no associated data, plaintext in UTF-8. The AES
 * key is PBKDF2-HMAC-SHA512 over the app's refresh-token key string (as UTF-8) with the raw IV
 * bytes as salt, 100 iterations, 256 bits; so every token has its own key.
 */
public final class RefreshTokenCipher {
  static final int IV_BYTES = 12;
  static final int TAG_BITS = 128;
  static final int KDF_ITERATIONS = 100;
  static final int KEY_BITS = 256;

  // Shape of a new app key: "1000:<saltHex>:<hashHex>", as the original's generateNewSigningKey.
  static final int NEW_KEY_ITERATIONS = 1000;
  static final int NEW_KEY_RANDOM_BYTES = 64;

  private final Pbkdf2Sha512 kdf;

  /** {@code refreshTokenKey}: the app's {@code refresh_token_key} key-value row, used whole. */
  public RefreshTokenCipher(String refreshTokenKey) {
    if (refreshTokenKey == null || refreshTokenKey.isEmpty()) {
      throw new IllegalArgumentException("the refresh-token key is empty");
    }
    this.kdf = new Pbkdf2Sha512(refreshTokenKey.toCharArray());
  }

  public String encrypt(String plaintext) {
    return encrypt(plaintext, RandomTokens.bytes(IV_BYTES));
  }

  /** Fixed-IV encryption, only so tests can pin known answers. Never reuse an IV otherwise. */
  String encrypt(String plaintext, byte[] iv) {
    try {
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, keyFor(iv), new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  public String decrypt(String encrypted) throws RefreshTokenDecryptionException {
    byte[] data;
    try {
      data = Base64.getDecoder().decode(encrypted);
    } catch (IllegalArgumentException e) {
      throw new RefreshTokenDecryptionException("refresh token is not base64", e);
    }
    if (data.length < IV_BYTES + TAG_BITS / 8) {
      throw new RefreshTokenDecryptionException("refresh token is too short", null);
    }
    byte[] iv = Arrays.copyOf(data, IV_BYTES);
    try {
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.DECRYPT_MODE, keyFor(iv), new GCMParameterSpec(TAG_BITS, iv));
      byte[] plain = aes.doFinal(data, IV_BYTES, data.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new RefreshTokenDecryptionException("refresh token failed authentication", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }

  /** A new app refresh-token key, {@code "1000:<128 hex>:<128 hex>"} like the original's. */
  public static String newRefreshTokenKey() {
    return refreshTokenKeyFrom(
        RandomTokens.bytes(NEW_KEY_RANDOM_BYTES), RandomTokens.bytes(NEW_KEY_RANDOM_BYTES));
  }

  // The original hashes the hex of 64 random bytes with PBKDF2 and keeps salt and hash; only
  // the format matters (the whole string is the password), but this reproduces it exactly.
  static String refreshTokenKeyFrom(byte[] random, byte[] salt) {
    HexFormat hex = HexFormat.of();
    char[] secret = hex.formatHex(random).toCharArray();
    byte[] hash = new Pbkdf2Sha512(secret).derive(salt, NEW_KEY_ITERATIONS, NEW_KEY_RANDOM_BYTES);
    return NEW_KEY_ITERATIONS + ":" + hex.formatHex(salt) + ":" + hex.formatHex(hash);
  }

  private SecretKeySpec keyFor(byte[] iv) {
    return new SecretKeySpec(kdf.derive(iv, KDF_ITERATIONS, KEY_BITS / 8), "AES");
  }
}
