package io.authcore.recipe.webauthn;

import static io.authcore.recipe.webauthn.WebAuthnCalls.ceremony;
import static io.authcore.recipe.webauthn.WebAuthnCalls.id;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.support.Backend;
import io.authcore.support.Http.Reply;
import io.authcore.support.TestDatabases;
import io.authcore.support.TestServer;
import io.authcore.support.webauthn.Ceremony;
import io.authcore.support.webauthn.SoftwareAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Passkeys over a PostgreSQL database shared with the original: rows written as the original 11.4.7
 * (with the PostgreSQL plugin) writes them sign in on Authcore, and Authcore writes the same
 * columns in the same encodings (checked by hand against the original both ways, for ES256, RS256
 * and Ed25519: a passkey registered on either signs in on the other, counters and recovery tokens
 * carry over).
 */
class WebAuthnSharedDatabaseTest {
  static final byte[] AUTH_DATA_KEY = "hauthData".getBytes(StandardCharsets.US_ASCII);

  /**
   * The attested credential data in a registration's attestation object, found by hand (the
   * software authenticator writes {@code authData} last, as a byte string): what the original
   * stores as the public key.
   */
  static byte[] attestedData(ObjectNode registration) {
    byte[] object =
        Base64.getUrlDecoder()
            .decode(registration.get("response").get("attestationObject").asText());
    int at = indexOf(object, AUTH_DATA_KEY) + AUTH_DATA_KEY.length;
    int head = object[at] & 0xff;
    int length;
    int start;
    if (head < 0x58) {
      length = head - 0x40;
      start = at + 1;
    } else if (head == 0x58) {
      length = object[at + 1] & 0xff;
      start = at + 2;
    } else {
      length = ((object[at + 1] & 0xff) << 8) | (object[at + 2] & 0xff);
      start = at + 3;
    }
    byte[] authData = Arrays.copyOfRange(object, start, start + length);
    return Arrays.copyOfRange(authData, 37, authData.length); // after rpIdHash, flags, counter
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("no authData in the attestation object");
  }

  static List<List<Object>> rows(Map<String, String> db, String sql, Object... params) {
    try (Connection c = TestDatabases.dataSource(db).getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        List<List<Object>> out = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            Object v = rs.getObject(i);
            row.add(v instanceof String text ? text.trim() : v);
          }
          out.add(row);
        }
        return out;
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String sha256Hex(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aPasskeyTheOriginalRegisteredSignsIn() {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    try (TestServer server = TestServer.onDatabase(db, Map.of(), Clock.systemUTC())) {
      for (SoftwareAuthenticator passkey :
          List.of(
              SoftwareAuthenticator.es256(),
              SoftwareAuthenticator.rs256(),
              SoftwareAuthenticator.eddsa())) {
        String userId = UUID.randomUUID().toString();
        String email = "shared-" + userId.substring(0, 8) + "@x.com";
        byte[] attested =
            attestedData(
                passkey.register(Ceremony.of("AAAA", WebAuthnCalls.ORIGIN, WebAuthnCalls.RP_ID)));
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String optionsId = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        TestDatabases.execute(
            db,
            "INSERT INTO app_id_to_user_id (app_id, user_id, primary_or_recipe_user_id, recipe_id)"
                + " VALUES ('public', '"
                + userId
                + "', '"
                + userId
                + "', 'webauthn')",
            "INSERT INTO all_auth_recipe_users (app_id, tenant_id, user_id, primary_or_recipe_user_id,"
                + " recipe_id, time_joined, primary_or_recipe_user_time_joined) VALUES ('public',"
                + " 'public', '"
                + userId
                + "', '"
                + userId
                + "', 'webauthn', 100, 100)",
            "INSERT INTO webauthn_user_to_tenant (app_id, tenant_id, user_id, email) VALUES"
                + " ('public', 'public', '"
                + userId
                + "', '"
                + email
                + "')",
            "INSERT INTO webauthn_users (app_id, user_id, email, rp_id, time_joined) VALUES"
                + " ('public', '"
                + userId
                + "', '"
                + email
                + "', 'example.com', 100)",
            "INSERT INTO webauthn_credentials (id, app_id, rp_id, user_id, counter, public_key,"
                + " transports, created_at, updated_at) VALUES ('"
                + passkey.credentialId()
                + "', 'public', 'example.com', '"
                + userId
                + "', 0, decode('"
                + HexFormat.of().formatHex(attested)
                + "', 'hex'), '[\"internal\"]', 100, 100)",
            "INSERT INTO webauthn_generated_options (app_id, tenant_id, id, challenge, email, rp_id,"
                + " origin, expires_at, created_at, rp_name, user_verification,"
                + " user_presence_required) VALUES ('public', 'public', '"
                + optionsId
                + "', '"
                + challenge
                + "', NULL, 'example.com', 'https://example.com', "
                + (now + 600_000)
                + ", "
                + now
                + ", 'Example', 'preferred', false)");
        WebAuthnCalls calls = new WebAuthnCalls(server.http());
        assertEquals(
            "200 {\"status\":\"OK\",\"webauthnGeneratedOptionsId\":\""
                + optionsId
                + "\",\"relyingPartyId\":\"example.com\",\"relyingPartyName\":\"Example\",\"challenge\":\""
                + challenge
                + "\",\"timeout\":600000,\"origin\":\"https://example.com\",\"email\":null,"
                + "\"createdAt\":"
                + now
                + ",\"expiresAt\":"
                + (now + 600_000)
                + ",\"userVerification\":\"preferred\",\"userPresence\":false}",
            WebAuthnCalls.shape(calls.options("", optionsId)));
        Reply in =
            calls.signIn(
                "5.4",
                "",
                optionsId,
                passkey.signIn(Ceremony.of(challenge, WebAuthnCalls.ORIGIN, WebAuthnCalls.RP_ID)));
        assertEquals("OK", in.json().get("status").asText(), in.body());
        assertEquals(userId, in.json().get("recipeUserId").asText());
        assertEquals(
            "[\"" + passkey.credentialId() + "\"]",
            in.json().get("user").get("webauthn").get("credentialIds").toString());
        List<Object> credential =
            rows(
                    db,
                    "SELECT counter, updated_at > 100 FROM webauthn_credentials WHERE id = ?",
                    passkey.credentialId())
                .get(0);
        assertEquals(List.of(1L, true), credential);
        assertTrue(
            rows(db, "SELECT 1 FROM webauthn_generated_options WHERE id = ?", optionsId).isEmpty());
        assertEquals("OK", calls.signIn("", passkey).json().get("status").asText());
      }
    }
  }

  @Test
  void authcoreWritesTheColumnsTheOriginalWrites() throws Exception {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    try (TestServer server = TestServer.onDatabase(db, Map.of(), Clock.systemUTC())) {
      WebAuthnCalls calls = new WebAuthnCalls(server.http());
      SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
      JsonNode options =
          calls.registerOptions(
              "", "rows@x.com", ",\"userVerification\":\"required\",\"userPresence\":true");
      ObjectNode registration = passkey.register(ceremony(options).withUserVerification());
      JsonNode up = calls.signUp("5.4", "", id(options), registration).json();
      String userId = up.get("recipeUserId").asText();
      long created = options.get("createdAt").asLong();
      assertEquals(
          List.of(
              List.of(
                  "public",
                  "public",
                  options.get("challenge").asText(),
                  "rows@x.com",
                  "example.com",
                  "Example",
                  "https://example.com",
                  created + 600_000,
                  created,
                  true,
                  "required")),
          rows(
              db,
              "SELECT app_id, tenant_id, challenge, email, rp_id, rp_name, origin, expires_at,"
                  + " created_at, user_presence_required, user_verification FROM webauthn_generated_options"
                  + " WHERE id = ?",
              id(options)));
      assertEquals(32, Base64.getUrlDecoder().decode(options.get("challenge").asText()).length);
      List<Object> user =
          rows(db, "SELECT email, rp_id, time_joined FROM webauthn_users WHERE user_id = ?", userId)
              .get(0);
      assertEquals(List.of("rows@x.com", "example.com"), user.subList(0, 2));
      assertEquals(
          List.of(List.of("public", "rows@x.com")),
          rows(
              db,
              "SELECT tenant_id, email FROM webauthn_user_to_tenant WHERE user_id = ?",
              userId));
      assertEquals(
          List.of(List.of("webauthn", userId, false)),
          rows(
              db,
              "SELECT recipe_id, primary_or_recipe_user_id, is_linked_or_is_a_primary_user"
                  + " FROM app_id_to_user_id WHERE user_id = ?",
              userId));
      assertEquals(
          List.of(List.of("webauthn", user.get(2), user.get(2))),
          rows(
              db,
              "SELECT recipe_id, time_joined, primary_or_recipe_user_time_joined"
                  + " FROM all_auth_recipe_users WHERE user_id = ?",
              userId));
      List<Object> credential =
          rows(
                  db,
                  "SELECT app_id, rp_id, user_id, counter, transports, created_at = updated_at, public_key"
                      + " FROM webauthn_credentials WHERE id = ?",
                  passkey.credentialId())
              .get(0);
      assertEquals(
          List.of("public", "example.com", userId, 0L, "[\"internal\"]", true),
          credential.subList(0, 6));
      assertArrayEquals(attestedData(registration), (byte[]) credential.get(6));

      // Without transports the original writes the JSON null.
      SoftwareAuthenticator bare = SoftwareAuthenticator.rs256();
      JsonNode more = calls.registerOptions("", "bare@x.com", "");
      ObjectNode noTransports = bare.register(ceremony(more));
      ((ObjectNode) noTransports.get("response")).remove("transports");
      calls.signUp("5.4", "", id(more), noTransports);
      assertEquals(
          List.of(List.of("null")),
          rows(
              db, "SELECT transports FROM webauthn_credentials WHERE id = ?", bare.credentialId()));

      JsonNode signIn = calls.signInOptions("", "");
      assertEquals(
          List.of(Arrays.asList(null, false, "preferred")),
          rows(
              db,
              "SELECT email, user_presence_required, user_verification FROM webauthn_generated_options"
                  + " WHERE id = ?",
              id(signIn)));

      String token =
          calls
              .post(
                  "5.4",
                  "/recipe/webauthn/user/recover/token",
                  "{\"email\":\"rows@x.com\",\"userId\":\"" + userId + "\"}")
              .json()
              .get("token")
              .asText();
      List<List<Object>> tokens =
          rows(
              db,
              "SELECT tenant_id, user_id, email, token, expires_at FROM webauthn_account_recovery_tokens");
      assertEquals(1, tokens.size());
      assertEquals(
          List.of("public", userId, "rows@x.com", sha256Hex(token)), tokens.get(0).subList(0, 4));
      assertFalse(tokens.get(0).contains(token));
      long lifetime = (Long) tokens.get(0).get(4) - System.currentTimeMillis();
      assertTrue(lifetime > 3_500_000 && lifetime <= 3_600_000, String.valueOf(lifetime));
      assertNull(
          rows(db, "SELECT email FROM webauthn_generated_options WHERE id = ?", id(signIn))
              .get(0)
              .get(0));
    }
  }
}
