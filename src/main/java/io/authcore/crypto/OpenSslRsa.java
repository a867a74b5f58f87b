package io.authcore.crypto;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import io.authcore.threads.Daemons;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * RSASSA-PKCS1-v1_5 signatures over a SHA-256 digest by the system's OpenSSL 3 ({@code
 * libcrypto.so.3}), called through JNA. On the machines this project is measured on OpenSSL makes a
 * 2048-bit signature in about a third of the JDK's time (4,681 against 1,449 a second on one core),
 * and that signature is most of the cost of creating or refreshing a session. Only {@link Rs256}
 * uses this class; it decides whether a key may be signed here. New key pairs are made here too,
 * for {@link RsaKeys}.
 */
final class OpenSslRsa {
  private static final String LIBRARY = "libcrypto.so.3";
  private static final int RSA_PKCS1_PADDING = 1;
  private static final int EVP_PKEY_RSA = 6;
  private static final Cleaner CLEANER = Cleaner.create(Daemons.named("openssl-key-cleaner"));

  private final Pointer sha256;
  private final String version;

  private OpenSslRsa() {
    this.sha256 = LibCrypto.EVP_sha256();
    this.version = LibCrypto.OpenSSL_version(0);
  }

  /**
   * The library, loaded now.
   *
   * @throws LinkageError or {@link IllegalStateException} where there is no usable OpenSSL 3
   */
  static OpenSslRsa load() {
    if (!Platform.isLinux()) {
      throw new IllegalStateException("OpenSSL is only looked for on Linux");
    }
    long found = LibCrypto.OpenSSL_version_num();
    if (found >>> 28 != 3) { // 0xMNN00PP0L: major version in the top nibble
      throw new IllegalStateException(LIBRARY + " is not OpenSSL 3");
    }
    return new OpenSslRsa();
  }

  String describe() {
    return version + " (" + LIBRARY + ")";
  }

  /** A key OpenSSL holds until this object is unreachable. */
  static final class Key {
    private final long pkey;
    private final int signatureBytes;

    private Key(long pkey, int signatureBytes) {
      this.pkey = pkey;
      this.signatureBytes = signatureBytes;
      CLEANER.register(this, () -> LibCrypto.EVP_PKEY_free(new Pointer(pkey)));
    }
  }

  /** {@code key} as OpenSSL's, or null where OpenSSL cannot read its PKCS#8 encoding. */
  Key load(PrivateKey key) {
    if (!(key instanceof RSAPrivateKey) || !"PKCS#8".equals(key.getFormat())) {
      return null;
    }
    return load(key.getEncoded(), true);
  }

  /** {@code key} as OpenSSL's, or null where OpenSSL cannot read its X.509 encoding. */
  Key load(PublicKey key) {
    if (!(key instanceof RSAPublicKey) || !"X.509".equals(key.getFormat())) {
      return null;
    }
    return load(key.getEncoded(), false);
  }

  private Key load(byte[] der, boolean isPrivate) {
    if (der == null) {
      return null;
    }
    Memory buffer = new Memory(der.length);
    try {
      buffer.write(0, der, 0, der.length);
      long[] cursor = {Pointer.nativeValue(buffer)}; // d2i advances it past what it read
      Pointer pkey =
          isPrivate
              ? LibCrypto.d2i_AutoPrivateKey(null, cursor, der.length)
              : LibCrypto.d2i_PUBKEY(null, cursor, der.length);
      if (pkey == null) {
        LibCrypto.ERR_clear_error();
        return null;
      }
      return new Key(Pointer.nativeValue(pkey), LibCrypto.EVP_PKEY_get_size(pkey));
    } finally {
      buffer.clear();
      buffer.close();
      Arrays.fill(der, (byte) 0);
    }
  }

  /**
   * A new RSA key pair of {@code bits} made by OpenSSL (its own DRBG, seeded by the system), as the
   * DER of an X.509 SubjectPublicKeyInfo and of a PKCS#8 private key; null if OpenSSL failed. A
   * cold JDK takes about half a second of CPU for a 2048-bit pair at start-up, OpenSSL a tenth.
   */
  byte[][] generate(int bits) {
    Pointer ctx = LibCrypto.EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, null);
    if (ctx == null) {
      LibCrypto.ERR_clear_error();
      return null;
    }
    long[] made = {0};
    try {
      if (LibCrypto.EVP_PKEY_keygen_init(ctx) != 1
          || LibCrypto.EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits) != 1
          || LibCrypto.EVP_PKEY_keygen(ctx, made) != 1
          || made[0] == 0) {
        LibCrypto.ERR_clear_error();
        return null;
      }
      Pointer pkey = new Pointer(made[0]);
      byte[] publicDer = publicDer(pkey);
      byte[] privateDer = privateDer(pkey);
      if (publicDer == null || privateDer == null) {
        LibCrypto.ERR_clear_error();
        return null;
      }
      return new byte[][] {publicDer, privateDer};
    } finally {
      if (made[0] != 0) {
        LibCrypto.EVP_PKEY_free(new Pointer(made[0]));
      }
      LibCrypto.EVP_PKEY_CTX_free(ctx);
    }
  }

  private static byte[] publicDer(Pointer pkey) {
    int length = LibCrypto.i2d_PUBKEY(pkey, null);
    return encoded(length, cursor -> LibCrypto.i2d_PUBKEY(pkey, cursor));
  }

  private static byte[] privateDer(Pointer pkey) {
    Pointer info = LibCrypto.EVP_PKEY2PKCS8(pkey);
    if (info == null) {
      return null;
    }
    try {
      int length = LibCrypto.i2d_PKCS8_PRIV_KEY_INFO(info, null);
      return encoded(length, cursor -> LibCrypto.i2d_PKCS8_PRIV_KEY_INFO(info, cursor));
    } finally {
      LibCrypto.PKCS8_PRIV_KEY_INFO_free(info);
    }
  }

  // OpenSSL's i2d convention: called with a cursor, writes there and advances it. The native copy
  // is wiped, as it may hold a private key.
  private static byte[] encoded(int length, ToIntFunction<long[]> writer) {
    if (length <= 0) {
      return null;
    }
    Memory buffer = new Memory(length);
    try {
      long[] cursor = {Pointer.nativeValue(buffer)};
      if (writer.applyAsInt(cursor) != length) {
        return null;
      }
      return buffer.getByteArray(0, length);
    } finally {
      buffer.clear();
      buffer.close();
    }
  }

  /** The signature of a SHA-256 {@code digest} with {@code key}, or null if OpenSSL failed. */
  byte[] sign(Key key, byte[] digest) {
    Pointer ctx = context(key, true);
    if (ctx == null) {
      return null;
    }
    try {
      byte[] signature = new byte[key.signatureBytes];
      long[] length = {signature.length};
      if (LibCrypto.EVP_PKEY_sign(ctx, signature, length, digest, digest.length) != 1) {
        LibCrypto.ERR_clear_error();
        return null;
      }
      return length[0] == signature.length ? signature : Arrays.copyOf(signature, (int) length[0]);
    } finally {
      LibCrypto.EVP_PKEY_CTX_free(ctx);
      Reference.reachabilityFence(key);
    }
  }

  /**
   * Whether {@code signature} is {@code key}'s over a SHA-256 {@code digest}: 1 yes, 0 no, -1 when
   * OpenSSL failed and cannot say.
   */
  int verify(Key key, byte[] digest, byte[] signature) {
    Pointer ctx = context(key, false);
    if (ctx == null) {
      return -1;
    }
    try {
      int verified =
          LibCrypto.EVP_PKEY_verify(ctx, signature, signature.length, digest, digest.length);
      if (verified != 1) {
        LibCrypto.ERR_clear_error(); // a mismatch queues errors too
      }
      return verified == 1 ? 1 : verified == 0 ? 0 : -1;
    } finally {
      LibCrypto.EVP_PKEY_CTX_free(ctx);
      Reference.reachabilityFence(key);
    }
  }

  // A context for one PKCS#1 v1.5, SHA-256 operation with key, or null (errors cleared). The
  // caller frees it and keeps key reachable until then.
  private Pointer context(Key key, boolean signing) {
    Pointer ctx = LibCrypto.EVP_PKEY_CTX_new(new Pointer(key.pkey), null);
    if (ctx == null) {
      LibCrypto.ERR_clear_error();
      return null;
    }
    boolean ready =
        (signing ? LibCrypto.EVP_PKEY_sign_init(ctx) : LibCrypto.EVP_PKEY_verify_init(ctx)) == 1
            && LibCrypto.EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) == 1
            && LibCrypto.EVP_PKEY_CTX_set_signature_md(ctx, sha256) == 1;
    if (!ready) {
      LibCrypto.EVP_PKEY_CTX_free(ctx);
      LibCrypto.ERR_clear_error();
      return null;
    }
    return ctx;
  }

  // Direct mapping: the cheapest JNA call. size_t is a long (LP64); a pointer to one, a long[1].
  private static final class LibCrypto {
    static {
      Native.register(NativeLibrary.getInstance(LIBRARY));
    }

    static native long OpenSSL_version_num();

    static native String OpenSSL_version(int type);

    static native Pointer EVP_sha256();

    static native Pointer d2i_AutoPrivateKey(Pointer reuse, long[] cursor, long length);

    static native int EVP_PKEY_get_size(Pointer pkey);

    static native void EVP_PKEY_free(Pointer pkey);

    static native Pointer EVP_PKEY_CTX_new(Pointer pkey, Pointer engine);

    static native int EVP_PKEY_sign_init(Pointer ctx);

    static native int EVP_PKEY_CTX_set_rsa_padding(Pointer ctx, int padding);

    static native int EVP_PKEY_CTX_set_signature_md(Pointer ctx, Pointer md);

    static native int EVP_PKEY_sign(
        Pointer ctx, byte[] signature, long[] length, byte[] digest, long digestLength);

    static native Pointer d2i_PUBKEY(Pointer reuse, long[] cursor, long length);

    static native int EVP_PKEY_verify_init(Pointer ctx);

    static native int EVP_PKEY_verify(
        Pointer ctx, byte[] signature, long signatureLength, byte[] digest, long digestLength);

    static native void EVP_PKEY_CTX_free(Pointer ctx);

    static native void ERR_clear_error();

    static native Pointer EVP_PKEY_CTX_new_id(int id, Pointer engine);

    static native int EVP_PKEY_keygen_init(Pointer ctx);

    static native int EVP_PKEY_CTX_set_rsa_keygen_bits(Pointer ctx, int bits);

    static native int EVP_PKEY_keygen(Pointer ctx, long[] pkey);

    static native int i2d_PUBKEY(Pointer pkey, long[] cursor);

    static native Pointer EVP_PKEY2PKCS8(Pointer pkey);

    static native int i2d_PKCS8_PRIV_KEY_INFO(Pointer info, long[] cursor);

    static native void PKCS8_PRIV_KEY_INFO_free(Pointer info);
  }
}
