package io.authcore.crypto;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The passwordless identifiers, byte for byte as the original derives them, so that a code issued
 * by either core can be consumed by the other over a shared database. The client holds the device
 * id and the link code; the database holds only their SHA-256 hashes and the link-code salt, which
 * keeps a client that knows its device id from computing link codes for guessed user input codes.
 */
public final class PasswordlessCodes {
  private static final int RANDOM_BYTES = 32;
  private static final int USER_INPUT_CODE_DIGITS = 6;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordlessCodes() {}

  /** Text from a client (or the database) that its decoder refused; names what it was. */
  public static final class EncodingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;

    EncodingException(String source) {
      super("Input encoding error in " + source, null, false, false);
      this.source = source;
    }

    /** {@code deviceId}, {@code linkCode} or {@code LinkCodeSalt}, as the original names it. */
    public String source() {
      return source;
    }
  }

  /** A new device id: 32 random bytes, standard Base64 with padding. */
  public static String newDeviceId() {
    return Base64.getEncoder().encodeToString(RandomTokens.bytes(RANDOM_BYTES));
  }

  /** A new link-code salt: 32 random bytes, standard Base64 with padding. */
  public static String newLinkCodeSalt() {
    return Base64.getEncoder().encodeToString(RandomTokens.bytes(RANDOM_BYTES));
  }

  /** Six random decimal digits, the code a user types when the SDK supplies none. */
  public static String newUserInputCode() {
    StringBuilder code = new StringBuilder(USER_INPUT_CODE_DIGITS);
    for (int i = 0; i < USER_INPUT_CODE_DIGITS; i++) {
      code.append((char) ('0' + RANDOM.nextInt(10)));
    }
    return code.toString();
  }

  /**
   * @throws EncodingException ({@code deviceId}) when it is not standard Base64
   */
  public static byte[] decodeDeviceId(String deviceId) {
    return decode(Base64.getDecoder(), deviceId, "deviceId");
  }

  /**
   * The device id hash, which the API calls {@code preAuthSessionId}: unpadded base64url of the
   * SHA-256 of the device id's bytes.
   */
  public static String deviceIdHash(byte[] deviceId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(deviceId));
  }

  /**
   * The link code: unpadded base64url of HMAC-SHA256 keyed with the device id's bytes followed by
   * the salt's, over the UTF-8 user input code.
   *
   * @throws EncodingException ({@code LinkCodeSalt}) for a salt that is not standard Base64
   */
  public static String linkCode(byte[] deviceId, String linkCodeSalt, String userInputCode) {
    byte[] salt = decode(Base64.getDecoder(), linkCodeSalt, "LinkCodeSalt");
    byte[] key = new byte[deviceId.length + salt.length];
    System.arraycopy(deviceId, 0, key, 0, deviceId.length);
    System.arraycopy(salt, 0, key, deviceId.length, salt.length);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] code = mac.doFinal(userInputCode.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(code);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  /**
   * What the database keeps of a link code: base64url of the SHA-256 of its bytes, padding kept.
   *
   * @throws EncodingException ({@code linkCode}) when it is not base64url
   */
  public static String linkCodeHash(String linkCode) {
    byte[] bytes = decode(Base64.getUrlDecoder(), linkCode, "linkCode");
    return Base64.getUrlEncoder().encodeToString(Hashes.sha256(bytes));
  }

  private static byte[] decode(Base64.Decoder decoder, String text, String source) {
    try {
      return decoder.decode(text);
    } catch (IllegalArgumentException e) {
      throw new EncodingException(source);
    }
  }
}
