package io.authcore.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The identifiers of catalogue §2.2, pinned against values the original handed out. */
class PasswordlessCodesTest {
  /** A deviceId and the preAuthSessionId the original 11.4.7 returned with it. */
  static final String ORIGINAL_DEVICE_ID = "1crnivuPBQGWiNcZslMjoUyck+0paF//D+/HCdpXAro=";

  static final String ORIGINAL_PRE_AUTH_SESSION_ID = "HbzqVVO6_FsEg42d3p6uHsK9MpWxFWW08BAT5GhcVH4";

  /** Bytes 0..31, standard Base64. */
  static final String SALT = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  @Test
  void preAuthSessionIdIsTheUnpaddedUrlSafeSha256OfTheDeviceIdBytes() {
    assertEquals(
        ORIGINAL_PRE_AUTH_SESSION_ID,
        PasswordlessCodes.deviceIdHash(PasswordlessCodes.decodeDeviceId(ORIGINAL_DEVICE_ID)));
  }

  @Test
  void linkCodeIsAnHmacKeyedWithDeviceIdAndSaltAndItsHashKeepsPadding() {
    // Computed independently (Python hmac/hashlib) from the same inputs.
    String linkCode =
        PasswordlessCodes.linkCode(
            PasswordlessCodes.decodeDeviceId(ORIGINAL_DEVICE_ID), SALT, "123456");
    assertEquals("HQh_OLTWm4BroX1ig_DL8gQEjB8xquM6AgwPgyiHnfM", linkCode);
    assertEquals(
        "_QJ4Bm4DgUM7J2nc3jWZlIhSEHndcyQLHDKxN6lX7Ko=", PasswordlessCodes.linkCodeHash(linkCode));
  }

  @Test
  void newIdentifiersHaveTheOriginalsShapes() {
    String deviceId = PasswordlessCodes.newDeviceId();
    assertEquals(44, deviceId.length());
    assertEquals(32, Base64.getDecoder().decode(deviceId).length);
    assertEquals(44, PasswordlessCodes.newLinkCodeSalt().length());
    assertEquals(43, PasswordlessCodes.deviceIdHash(Base64.getDecoder().decode(deviceId)).length());
    for (int i = 0; i < 100; i++) {
      assertTrue(PasswordlessCodes.newUserInputCode().matches("[0-9]{6}"));
    }
  }

  @Test
  void undecodableInputNamesItsSource() {
    assertEquals(
        "deviceId",
        assertThrows(
                PasswordlessCodes.EncodingException.class,
                () -> PasswordlessCodes.decodeDeviceId("ab-_"))
            .source());
    assertEquals(
        "linkCode",
        assertThrows(
                PasswordlessCodes.EncodingException.class,
                () -> PasswordlessCodes.linkCodeHash("ab+/"))
            .source());
    assertEquals(
        "LinkCodeSalt",
        assertThrows(
                PasswordlessCodes.EncodingException.class,
                () -> PasswordlessCodes.linkCode(new byte[32], "!!", "1"))
            .source());
  }
}
