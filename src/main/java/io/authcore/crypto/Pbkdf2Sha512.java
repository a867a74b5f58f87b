package io.authcore.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * PBKDF2-HMAC-SHA512 for one password. The HMAC's two padded-key blocks are hashed once, here, and
 * every HMAC starts from copies of those states: two SHA-512 blocks per iteration where the JDK's
 * PBKDF2 hashes four, which halves the cost of every refresh token. Same output as the JDK's {@code
 * PBKDF2WithHmacSHA512} (pinned in tests). Thread-safe: the two states are never changed.
 */
final class Pbkdf2Sha512 {
  private static final int BLOCK_BYTES = 128;
  private static final int HASH_BYTES = 64;

  private final MessageDigest inner; // after absorbing key ^ ipad
  private final MessageDigest outer; // after absorbing key ^ opad

  /** {@code password} as the JDK takes it: its UTF-8 bytes are the HMAC key. */
  Pbkdf2Sha512(char[] password) {
    byte[] key = new String(password).getBytes(StandardCharsets.UTF_8);
    if (key.length > BLOCK_BYTES) {
      key = sha512().digest(key);
    }
    byte[] ipad = new byte[BLOCK_BYTES];
    byte[] opad = new byte[BLOCK_BYTES];
    for (int i = 0; i < BLOCK_BYTES; i++) {
      byte k = i < key.length ? key[i] : 0;
      ipad[i] = (byte) (k ^ 0x36);
      opad[i] = (byte) (k ^ 0x5c);
    }
    inner = sha512();
    inner.update(ipad);
    outer = sha512();
    outer.update(opad);
  }

  byte[] derive(byte[] salt, int iterations, int bytes) {
    byte[] out = new byte[bytes];
    byte[] first = Arrays.copyOf(salt, salt.length + 4);
    for (int block = 1, offset = 0; offset < bytes; block++, offset += HASH_BYTES) {
      first[salt.length] = (byte) (block >>> 24);
      first[salt.length + 1] = (byte) (block >>> 16);
      first[salt.length + 2] = (byte) (block >>> 8);
      first[salt.length + 3] = (byte) block;
      byte[] u = hmac(first);
      byte[] t = u.clone();
      for (int i = 1; i < iterations; i++) {
        u = hmac(u);
        for (int j = 0; j < HASH_BYTES; j++) {
          t[j] ^= u[j];
        }
      }
      System.arraycopy(t, 0, out, offset, Math.min(HASH_BYTES, bytes - offset));
    }
    return out;
  }

  private byte[] hmac(byte[] message) {
    MessageDigest in = copy(inner);
    in.update(message);
    MessageDigest out = copy(outer);
    out.update(in.digest());
    return out.digest();
  }

  private static MessageDigest copy(MessageDigest state) {
    try {
      return (MessageDigest) state.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-512 state cannot be copied", e);
    }
  }

  private static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is missing", e);
    }
  }
}
