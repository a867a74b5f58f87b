package io.authcore.recipe.bulkimport;

import static io.authcore.recipe.bulkimport.BulkCalls.errorsAt;
import static io.authcore.recipe.bulkimport.BulkCalls.passkey;
import static io.authcore.recipe.bulkimport.BulkCalls.refused;
import static io.authcore.recipe.bulkimport.BulkCalls.user;
import static io.authcore.recipe.bulkimport.BulkCalls.users;
import static io.authcore.recipe.bulkimport.BulkCalls.webAuthnMethod;
import static io.authcore.recipe.bulkimport.SignIns.RP_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.jobs.BulkMigration;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import io.authcore.support.webauthn.SoftwareAuthenticator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * WebAuthn users in the queue, with the background import off, on both storages: each bad field of
 * a WebAuthn login method or of one of its passkeys is refused per index in the words of the
 * original's other kinds (and then nothing is queued); a good one is answered and listed with its
 * passkeys normalised (ids as unpadded base64url, the counter and time given or their defaults).
 */
class BulkImportWebAuthnQueueTest extends ServerOnEachBackend {
  static final String WA = "\"recipeId\":\"webauthn\",\"email\":\"w@x.com\",\"rpId\":\"x.com\",";

  @Override
  protected Map<String, String> environment() {
    return Map.of(BulkMigration.ENABLED_VARIABLE, "false");
  }

  BulkCalls bulk() {
    return new BulkCalls(http);
  }

  static String withCredential(String credential) {
    return "{\"loginMethods\":[{" + WA + "\"credentials\":[" + credential + "]}]}";
  }

  @Test
  void badWebAuthnMethodsAndPasskeysAreRefusedPerIndexAndNothingIsQueued() {
    SoftwareAuthenticator key = SoftwareAuthenticator.es256();
    String id = key.credentialId();
    String cose = key.coseKey();
    String good = "\"credentialId\":\"" + id + "\",\"publicKey\":\"" + cose + "\"";
    Map<String, List<String>> cases = new LinkedHashMap<>();
    cases.put(
        "{\"loginMethods\":[{\"recipeId\":\"webauthn\"}]}",
        List.of(
            "email is required for a webauthn recipe.", "rpId is required for a webauthn recipe."));
    cases.put(
        "{\"loginMethods\":[{\"recipeId\":\"webauthn\",\"email\":1,\"rpId\":\" \","
            + "\"credentials\":{}}]}",
        List.of(
            "email should be of type string for a webauthn recipe.",
            "rpId should be of type string for a webauthn recipe.",
            "credentials should be of type array of object for a webauthn recipe."));
    cases.put(
        "{\"loginMethods\":[{" + WA + "\"credentials\":[1]}]}",
        List.of("credentials should be of type array of object for a webauthn recipe."));
    cases.put(
        withCredential("{}"),
        List.of(
            "credentialId is required for a webauthn credential.",
            "publicKey is required for a webauthn credential."));
    cases.put(
        withCredential(
            "{\"credentialId\":1,\"publicKey\":[],\"counter\":\"1\",\"transports\":\"usb\","
                + "\"createdAt\":true}"),
        List.of(
            "credentialId should be of type string for a webauthn credential.",
            "publicKey should be of type string for a webauthn credential.",
            "counter should be of type integer for a webauthn credential.",
            "transports should be of type array of string for a webauthn credential.",
            "createdAt should be of type integer for a webauthn credential."));
    cases.put(
        withCredential("{\"credentialId\":\"a+b/\",\"publicKey\":\"!!\"}"),
        List.of(
            "credentialId should be base64url encoded for a webauthn credential.",
            "publicKey should be base64url encoded for a webauthn credential."));
    cases.put(
        withCredential("{\"credentialId\":\"" + id + "\",\"publicKey\":\"AAAA\"}"),
        List.of(
            "publicKey should be a COSE key a sign-in can verify (it is no COSE key) for a"
                + " webauthn credential."));
    byte[] coseBytes = java.util.Base64.getUrlDecoder().decode(cose);
    byte[] trailing = java.util.Arrays.copyOf(coseBytes, coseBytes.length + 1);
    cases.put(
        withCredential(
            "{\"credentialId\":\""
                + id
                + "\",\"publicKey\":\""
                + SoftwareAuthenticator.base64url(trailing)
                + "\"}"),
        List.of(
            "publicKey should be a COSE key a sign-in can verify (it is no COSE key) for a"
                + " webauthn credential."));
    // The canonical ES256 key starts a5 01 02 03 26: alg -7 made -8 (EdDSA), for an EC2 key.
    byte[] otherAlg = coseBytes.clone();
    otherAlg[4] = 0x27;
    cases.put(
        withCredential(
            "{\"credentialId\":\""
                + id
                + "\",\"publicKey\":\""
                + SoftwareAuthenticator.base64url(otherAlg)
                + "\"}"),
        List.of(
            "publicKey should be a COSE key a sign-in can verify (COSE algorithm -8 does not match"
                + " the credential's public key) for a webauthn credential."));
    String longId = SoftwareAuthenticator.base64url(new byte[193]);
    cases.put(
        withCredential(
            "{\"credentialId\":\""
                + longId
                + "\",\"publicKey\":\""
                + cose
                + "\",\"counter\":-1,\"createdAt\":-5}"),
        List.of(
            "credentialId " + longId + " is too long. Max length is 256.",
            "counter should be between 0 and 4294967295 for a webauthn credential.",
            "createdAt cannot be < 0 for a webauthn credential."));
    cases.put(
        withCredential("{" + good + ",\"counter\":4294967296,\"createdAt\":99999999999999}"),
        List.of(
            "counter should be between 0 and 4294967295 for a webauthn credential.",
            "createdAt cannot be in future for a webauthn credential."));
    cases.put(
        withCredential("{" + good + "},{" + good + "}"),
        List.of("credentialId " + id + " is given twice for a webauthn recipe."));
    cases.put(
        user("", webAuthnMethod("w@x.com", RP_ID, ",\"tenantIds\":[\"nope\"]")),
        List.of(
            "Invalid tenantId: nope for webauthn recipe.",
            "LoginMethod '{\"tenantIds\":[],\"isVerified\":false,\"isPrimary\":false,"
                + "\"timeJoinedInMSSinceEpoch\":<time>,\"recipeId\":\"webauthn\",\"email\":"
                + "\"w@x.com\",\"rpId\":\"example.com\",\"credentials\":[],"
                + "\"superTokensUserId\":\"<id>\"}' has no tenantId"));
    String app = bulk().freshApp();
    List<String> perIndex = new ArrayList<>();
    List<String> bodies = new ArrayList<>(cases.keySet());
    for (int i = 0; i < bodies.size(); i++) {
      String[] errors = cases.get(bodies.get(i)).toArray(String[]::new);
      Reply alone = bulk().add(app, users(bodies.get(i)), "5.4");
      assertEquals(400, alone.status(), bodies.get(i));
      assertEquals(refused(List.of(errorsAt(0, errors))), shown(alone), bodies.get(i));
      perIndex.add(errorsAt(i + 1, errors));
    }
    String fine = user("", webAuthnMethod("fine@x.com", RP_ID, "", passkey(key, "")));
    Reply all = bulk().add(app, users(fine, String.join(",", bodies)), "5.4");
    assertEquals(refused(perIndex), shown(all));
    assertEquals(0, bulk().countOf(app, null));
  }

  /** The answer without its random ids and the time it gave a method without one. */
  static String shown(Reply reply) {
    return BulkImportValidationTest.withoutIds(reply.text())
        .replaceAll(
            "\"timeJoinedInMSSinceEpoch\\\\\":[0-9]+", "\"timeJoinedInMSSinceEpoch\\\\\":<time>");
  }

  @Test
  void aQueuedWebAuthnUserIsAnsweredAndListedWithItsPasskeysNormalised() {
    String app = bulk().freshApp();
    SoftwareAuthenticator key = SoftwareAuthenticator.rs256().counter(12);
    // Padded base64url is read too, and kept without padding.
    String padded = key.credentialId() + "=".repeat((4 - key.credentialId().length() % 4) % 4);
    JsonNode queued =
        bulk()
            .queue(
                app,
                user(
                    "",
                    webAuthnMethod(
                        " W@X.com ",
                        RP_ID,
                        ",\"timeJoinedInMSSinceEpoch\":1700000000000",
                        "{\"credentialId\":\""
                            + padded
                            + "\",\"publicKey\":\""
                            + key.coseKey()
                            + "\",\"counter\":12,\"transports\":[\"usb\",\"nfc\"],"
                            + "\"createdAt\":1600000000000}",
                        "{\"credentialId\":\"AAAA\",\"publicKey\":\""
                            + SoftwareAuthenticator.eddsa().coseKey()
                            + "\"}")));
    String userId = queued.get(0).get("userId").textValue();
    assertEquals(
        "[{\"userId\":\""
            + userId
            + "\",\"loginMethods\":[{\"recipeId\":\"webauthn\",\"userId\":\""
            + userId
            + "\",\"tenants\":[\"public\"],\"email\":\"w@x.com\",\"rpId\":\"example.com\","
            + "\"credentialIds\":[\""
            + key.credentialId()
            + "\",\"AAAA\"]}]}]",
        queued.toString());
    JsonNode listed = bulk().list(app, "").json().get("users").get(0);
    JsonNode method = listed.get("loginMethods").get(0);
    assertEquals("example.com", method.get("rpId").textValue());
    JsonNode credentials = method.get("credentials");
    assertEquals(
        "{\"credentialId\":\""
            + key.credentialId()
            + "\",\"publicKey\":\""
            + key.coseKey()
            + "\",\"counter\":12,\"transports\":[\"usb\",\"nfc\"],\"createdAt\":1600000000000}",
        credentials.get(0).toString());
    assertEquals(
        "{\"credentialId\":\"AAAA\",\"publicKey\":\"<key>\",\"counter\":0,"
            + "\"createdAt\":1700000000000}",
        credentials
            .get(1)
            .toString()
            .replaceAll("\"publicKey\":\"[^\"]+\"", "\"publicKey\":\"<key>\""));
  }
}
