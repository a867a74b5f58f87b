package io.authcore.recipe.bulkimport;

import static io.authcore.recipe.bulkimport.BulkCalls.PASSWORD;
import static io.authcore.recipe.bulkimport.BulkCalls.cdi;
import static io.authcore.recipe.bulkimport.BulkCalls.emailPasswordMethod;
import static io.authcore.recipe.bulkimport.BulkCalls.fresh;
import static io.authcore.recipe.bulkimport.BulkCalls.passkey;
import static io.authcore.recipe.bulkimport.BulkCalls.user;
import static io.authcore.recipe.bulkimport.BulkCalls.webAuthnMethod;
import static io.authcore.recipe.bulkimport.BulkImportFailuresTest.errors;
import static io.authcore.recipe.bulkimport.SignIns.RP_ID;
import static io.authcore.recipe.bulkimport.SignIns.awaitDrained;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import io.authcore.support.webauthn.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;

/**
 * WebAuthn users, an Authcore extension of bulk import, on both storages: a passkey exported from
 * another system as its credential id and COSE key is imported at once or by the background job,
 * then signs in through {@code /recipe/webauthn/signin} with its counter carried over, and shows in
 * {@code /user/id}. A taken email or credential id refuses the user with its reason.
 */
class BulkImportWebAuthnTest extends ServerOnEachBackend {
  BulkCalls bulk() {
    return new BulkCalls(http);
  }

  SignIns signIns() {
    return new SignIns(http);
  }

  JsonNode userById(String app, String userId) {
    Reply reply = http.get(app + "/user/id?userId=" + userId, cdi("5.4"));
    return SignIns.ok(reply).get("user");
  }

  @Test
  void anImportedPasskeySignsInWithItsCounterAndShowsInTheUser() {
    String app = bulk().freshApp();
    String email = fresh("wa") + "@example.com";
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256().counter(7);
    String id = passkey.credentialId();
    JsonNode imported =
        importNow(
            app,
            webAuthnMethod(
                email,
                RP_ID,
                ",\"isVerified\":true,\"timeJoinedInMSSinceEpoch\":1700000000000",
                passkey(passkey, ",\"transports\":[\"internal\"]")));
    String userId = imported.get("id").textValue();
    String expected =
        "{\"id\":\""
            + userId
            + "\",\"isPrimaryUser\":false,\"tenantIds\":[\"public\"],\"timeJoined\":1700000000000,"
            + "\"emails\":[\""
            + email
            + "\"],\"phoneNumbers\":[],\"thirdParty\":[],\"webauthn\":{\"credentialIds\":[\""
            + id
            + "\"]},\"loginMethods\":[{\"tenantIds\":[\"public\"],\"recipeUserId\":\""
            + userId
            + "\",\"verified\":true,\"timeJoined\":1700000000000,\"recipeId\":\"webauthn\","
            + "\"email\":\""
            + email
            + "\",\"webauthn\":{\"credentialIds\":[\""
            + id
            + "\"]}}]}";
    assertEquals(expected, imported.toString());
    assertEquals(expected, userById(app, userId).toString());

    assertEquals(userId, signIns().webAuthn(app, passkey).get("id").textValue());
    // A browser sends the user handle the other system registered the passkey with: not an id here.
    String otherSystemsHandle = SoftwareAuthenticator.base64url("user-42".getBytes(UTF_8));
    Reply withHandle = signIns().webAuthnReply(app, passkey, c -> c.userHandle(otherSystemsHandle));
    assertEquals(userId, SignIns.ok(withHandle).get("user").get("id").textValue());
    // The counter came along: a passkey that counts below it is a clone.
    passkey.counter(3);
    assertEquals(
        "INVALID_AUTHENTICATOR_ERROR",
        signIns().webAuthnReply(app, passkey).json().get("status").textValue());
    assertEquals(
        "CREDENTIAL_NOT_FOUND_ERROR",
        signIns()
            .webAuthnReply(app, SoftwareAuthenticator.es256())
            .json()
            .get("status")
            .textValue());
    // Another key under the imported id does not sign in.
    SoftwareAuthenticator impostor = SoftwareAuthenticator.es256().credentialId(id).counter(100);
    assertEquals(
        "INVALID_AUTHENTICATOR_ERROR",
        signIns().webAuthnReply(app, impostor).json().get("status").textValue());
  }

  @Test
  void everyKeyTypeAndALinkedPasskeySignInAfterTheBackgroundJob() {
    String app = bulk().freshApp();
    bulk().createTenant(app, "t1");
    SoftwareAuthenticator es = SoftwareAuthenticator.es256();
    SoftwareAuthenticator rs = SoftwareAuthenticator.rs256();
    SoftwareAuthenticator ed = SoftwareAuthenticator.eddsa();
    SoftwareAuthenticator second = SoftwareAuthenticator.es256();
    SoftwareAuthenticator linked = SoftwareAuthenticator.eddsa();
    String both = fresh("both") + "@example.com";
    String inT1 = fresh("t1") + "@example.com";
    String primary = fresh("primary") + "@example.com";
    bulk()
        .queue(
            app,
            user("", webAuthnMethod(both, RP_ID, "", passkey(es, ""), passkey(second, ""))),
            user("", webAuthnMethod(inT1, RP_ID, ",\"tenantIds\":[\"t1\"]", passkey(rs, ""))),
            user(
                "",
                emailPasswordMethod(primary, ",\"isPrimary\":true"),
                webAuthnMethod(primary, RP_ID, "", passkey(linked, ""))),
            user("", webAuthnMethod(fresh("ed") + "@example.com", RP_ID, "", passkey(ed, ""))));
    awaitDrained(bulk(), app, BulkImportDrainTest.DRAIN);
    assertEquals(0, bulk().countOf(app, null));

    String bothId = signIns().webAuthn(app, es).get("id").textValue();
    assertEquals(bothId, signIns().webAuthn(app, second).get("id").textValue());
    assertEquals(2, userById(app, bothId).get("webauthn").get("credentialIds").size());
    JsonNode t1User = signIns().webAuthn(app + "/t1", rs);
    assertEquals("[\"t1\"]", t1User.get("tenantIds").toString());
    signIns().webAuthn(app, ed);
    JsonNode group = signIns().webAuthn(app, linked);
    assertEquals(true, group.get("isPrimaryUser").booleanValue());
    assertEquals(2, group.get("loginMethods").size());
    assertEquals(
        group.get("id").textValue(),
        signIns().emailPassword(app, primary, PASSWORD).get("id").textValue());
  }

  @Test
  void aTakenEmailOrCredentialIdRefusesTheUserWithItsReason() {
    String app = bulk().freshApp();
    bulk().createTenant(app, "t1");
    String email = fresh("taken") + "@example.com";
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    importNow(app, webAuthnMethod(email, RP_ID, "", passkey(passkey, "")));
    String other = fresh("other") + "@example.com";
    assertRefused(
        app,
        user("", webAuthnMethod(email, RP_ID, "")),
        errors("E101: A user with email " + email + " already exists in webauthn loginMethod."));
    assertRefused(
        app,
        user("", webAuthnMethod(email, RP_ID, ",\"tenantIds\":[\"t1\",\"public\"]")),
        errors(
            "E014: We tried to add the userId <id> to the tenantId public but another user with"
                + " email "
                + email
                + " already exists."));
    assertRefused(
        app,
        user("", webAuthnMethod(other, RP_ID, ",\"tenantIds\":[\"t1\"]", passkey(passkey, ""))),
        errors(credentialTaken(passkey)));
    // The same email in another tenant, and the same credential id for another relying party.
    importNow(
        app,
        webAuthnMethod(email, "other.example", ",\"tenantIds\":[\"t1\"]", passkey(passkey, "")));
    // Two users of one queued batch with one credential id: one fails, the other signs in.
    SoftwareAuthenticator shared = SoftwareAuthenticator.es256();
    bulk()
        .queue(
            app,
            user("", webAuthnMethod(fresh("a") + "@example.com", RP_ID, "", passkey(shared, ""))),
            user("", webAuthnMethod(other, RP_ID, "", passkey(shared, ""))));
    awaitDrained(bulk(), app, BulkImportDrainTest.DRAIN);
    JsonNode failed = bulk().list(app, "?status=FAILED").json().get("users");
    assertEquals(1, failed.size(), failed.toString());
    assertEquals(credentialTaken(shared), failed.get(0).get("errorMessage").textValue());
    signIns().webAuthn(app, shared);
  }

  static String credentialTaken(SoftwareAuthenticator passkey) {
    return "E102: A credential with credentialId "
        + passkey.credentialId()
        + " for rpId "
        + RP_ID
        + " already exists in webauthn loginMethod.";
  }

  /** Imports a user of this one login method at once; returns the user. */
  JsonNode importNow(String app, String method) {
    return SignIns.ok(bulk().importNow(app, user("", method), "5.4")).get("user");
  }

  void assertRefused(String app, String body, String expected) {
    Reply reply = bulk().importNow(app, body, "5.4");
    assertEquals(400, reply.status(), reply.body());
    assertEquals(expected, BulkImportValidationTest.withoutIds(reply.text()));
  }
}
