package io.authcore.recipe.passwordless;

import static io.authcore.recipe.passwordless.PasswordlessCalls.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Backend;
import io.authcore.support.Http.Reply;
import io.authcore.support.OriginalRows;
import io.authcore.support.TestDatabases;
import io.authcore.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Codes over a database shared with the original: a device and code written in PostgreSQL as the
 * original writes them (hashes only, per catalogue §2.2) are consumable on Authcore, by user input
 * code and by link code, and Authcore writes the rows the original computes.
 */
class PasswordlessSharedDatabaseTest {
  /** A deviceId the original issued and its preAuthSessionId. */
  static final String DEVICE_ID = "1crnivuPBQGWiNcZslMjoUyck+0paF//D+/HCdpXAro=";

  static final String PRE_AUTH_SESSION_ID = "HbzqVVO6_FsEg42d3p6uHsK9MpWxFWW08BAT5GhcVH4";
  static final String SALT = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  /** The link code of user input code 123456 for that device and salt, and its stored hash. */
  static final String LINK_CODE = "HQh_OLTWm4BroX1ig_DL8gQEjB8xquM6AgwPgyiHnfM";

  static final String LINK_CODE_HASH = "_QJ4Bm4DgUM7J2nc3jWZlIhSEHndcyQLHDKxN6lX7Ko=";
  static final String CODE_ID = "0b0e1bb4-7a1c-4b43-9f57-43b4b8d53c11";

  @Test
  void consumesTheOriginalsCodeByUserInputCodeAndByLink() {
    for (boolean byLink : new boolean[] {false, true}) {
      Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
      try (TestServer server = TestServer.onDatabase(db, Map.of(), Clock.systemUTC())) {
        OriginalRows.passwordlessDevice(
            db,
            PRE_AUTH_SESSION_ID,
            "shared@x.com",
            SALT,
            CODE_ID,
            LINK_CODE_HASH,
            System.currentTimeMillis());
        PasswordlessCalls pl = new PasswordlessCalls(server.http());
        Reply listed = pl.codes("5.4", "email=shared@x.com");
        assertEquals(
            "200 {\"status\":\"OK\",\"devices\":[{\"preAuthSessionId\":\""
                + PRE_AUTH_SESSION_ID
                + "\",\"failedCodeInputAttemptCount\":0,\"email\":\"shared@x.com\",\"codes\":[{"
                + "\"codeId\":\""
                + CODE_ID
                + "\",\"timeCreated\":0,\"codeLifetime\":900000}]}]}",
            shape(listed));
        String body =
            byLink
                ? "{\"preAuthSessionId\":\""
                    + PRE_AUTH_SESSION_ID
                    + "\",\"linkCode\":\""
                    + LINK_CODE
                    + "\"}"
                : "{\"preAuthSessionId\":\""
                    + PRE_AUTH_SESSION_ID
                    + "\",\"deviceId\":\""
                    + DEVICE_ID
                    + "\",\"userInputCode\":\"123456\"}";
        Reply consumed = pl.consume("5.4", body);
        assertEquals("OK", consumed.json().get("status").asText(), consumed.body());
        assertEquals(true, consumed.json().get("createdNewUser").asBoolean());
        assertEquals(
            PRE_AUTH_SESSION_ID,
            consumed.json().get("consumedDevice").get("preAuthSessionId").asText());
        // The user was written as the original writes one: it reads back in every shape.
        assertEquals(
            consumed.json().get("user").get("id").asText(),
            pl.user("5.4", "email=shared@x.com").json().get("user").get("id").asText());
      }
    }
  }

  /**
   * What Authcore writes is what the original computes and reads (§2.2), checked here with the JDK
   * alone; the original consuming such a code was also tried by hand (see the note).
   */
  @Test
  void writesTheRowsTheOriginalReads() throws Exception {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    try (TestServer server = TestServer.onDatabase(db, Map.of(), Clock.systemUTC())) {
      Reply created =
          new PasswordlessCalls(server.http())
              .create("5.4", "{\"email\":\"rows@x.com\",\"userInputCode\":\"246810\"}");
      var json = created.json();
      byte[] deviceId = Base64.getDecoder().decode(json.get("deviceId").asText());
      byte[] linkCode = Base64.getUrlDecoder().decode(json.get("linkCode").asText());
      var urlNoPad = Base64.getUrlEncoder().withoutPadding();
      String deviceHash = urlNoPad.encodeToString(sha256(deviceId));
      assertEquals(deviceHash, json.get("preAuthSessionId").asText());
      try (Connection c = TestDatabases.dataSource(db).getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT d.device_id_hash, d.email, d.link_code_salt, d.failed_attempts,"
                      + " c.code_id, c.link_code_hash FROM passwordless_devices d"
                      + " JOIN passwordless_codes c ON c.device_id_hash = d.device_id_hash")) {
        rs.next();
        assertEquals(deviceHash, rs.getString(1).trim());
        assertEquals("rows@x.com", rs.getString(2));
        byte[] salt = Base64.getDecoder().decode(rs.getString(3));
        assertEquals(32, salt.length);
        assertEquals(0, rs.getInt(4));
        assertEquals(json.get("codeId").asText(), rs.getString(5).trim());
        assertEquals(
            Base64.getUrlEncoder().encodeToString(sha256(linkCode)), rs.getString(6).trim());
        Mac mac = Mac.getInstance("HmacSHA256");
        byte[] key = new byte[deviceId.length + salt.length];
        System.arraycopy(deviceId, 0, key, 0, deviceId.length);
        System.arraycopy(salt, 0, key, deviceId.length, salt.length);
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        assertEquals(
            json.get("linkCode").asText(),
            urlNoPad.encodeToString(mac.doFinal("246810".getBytes(StandardCharsets.UTF_8))));
      }
    }
  }

  static byte[] sha256(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(bytes);
  }
}
