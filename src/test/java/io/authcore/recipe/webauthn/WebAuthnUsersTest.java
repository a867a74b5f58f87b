package io.authcore.recipe.webauthn;

import static io.authcore.recipe.webauthn.WebAuthnCalls.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http.Reply;
import io.authcore.support.webauthn.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;

/**
 * WebAuthn users among the others: found by credential, deleted with everything they hold, mapped
 * to external ids, linked into primary users, and (unlike the original, which fails with a 500)
 * associated with more tenants.
 */
class WebAuthnUsersTest extends WebAuthnServerTest {

  String ok(Reply r) {
    assertEquals("OK", r.json().get("status").asText(), r.body());
    return r.body();
  }

  String emailPasswordUser(String email) {
    return calls
        .post(
            "5.4", "/recipe/signup", "{\"email\":\"" + email + "\",\"password\":\"password-123\"}")
        .json()
        .get("user")
        .get("id")
        .asText();
  }

  Reply byAccountInfo(String tenant, String query) {
    return calls.get("5.4", tenant + "/users/by-accountinfo?doUnionOfAccountInfo=false&" + query);
  }

  @Test
  void usersAreFoundByCredentialInAnyTenantOfTheApp() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    String email = email("found");
    JsonNode up = calls.signUp("/t1", email, passkey);
    String user = up.get("user").toString();
    String found = "200 {\"status\":\"OK\",\"users\":[" + user + "]}";
    assertEquals(
        found, shape(byAccountInfo("/t1", "webauthnCredentialId=" + passkey.credentialId())));
    // As the original: a credential is looked up in the app, whichever tenant is named.
    assertEquals(found, shape(byAccountInfo("", "webauthnCredentialId=" + passkey.credentialId())));
    assertEquals(found, shape(byAccountInfo("/t1", "email=" + email)));
    assertEquals(
        found,
        shape(
            byAccountInfo(
                "/t1", "email=" + email + "&webauthnCredentialId=" + passkey.credentialId())));
    assertEquals(
        "200 {\"status\":\"OK\",\"users\":[]}",
        shape(
            byAccountInfo(
                "/t1", "email=other@x.com&webauthnCredentialId=" + passkey.credentialId())));
    // The original fails with a 500 for a credential nobody has.
    assertEquals(
        "200 {\"status\":\"OK\",\"users\":[]}",
        shape(byAccountInfo("", "webauthnCredentialId=nope")));
  }

  @Test
  void deletingAUserDeletesItsPasskeysAndTokens() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    String email = email("gone");
    String userId = calls.signUp("", email, passkey).get("recipeUserId").asText();
    String token =
        calls
            .post(
                "5.4",
                "/recipe/webauthn/user/recover/token",
                "{\"email\":\"" + email + "\",\"userId\":\"" + userId + "\"}")
            .json()
            .get("token")
            .asText();
    ok(calls.post("5.4", "/user/remove", "{\"userId\":\"" + userId + "\"}"));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}",
        shape(calls.get("5.4", "/user/id?userId=" + userId)));
    assertEquals("200 {\"credentials\":[],\"status\":\"OK\"}", shape(calls.credentials(userId)));
    assertEquals(
        "200 {\"status\":\"CREDENTIAL_NOT_FOUND_ERROR\"}", shape(calls.signIn("", passkey)));
    assertEquals(
        "200 {\"status\":\"RECOVER_ACCOUNT_TOKEN_INVALID_ERROR\"}",
        shape(calls.get("5.4", "/recipe/webauthn/user/recover?token=" + token)));
    // The email and the credential are free again.
    assertEquals("OK", calls.signUp("", email, passkey).get("status").asText());
  }

  @Test
  void userIdMappingsOfWebAuthnUsersFollowTheOriginalsRules() {
    String a =
        calls.signUp("", email("a"), SoftwareAuthenticator.es256()).get("recipeUserId").asText();
    String b =
        calls.signUp("", email("b"), SoftwareAuthenticator.es256()).get("recipeUserId").asText();
    String ep = emailPasswordUser(email("ep"));
    ok(
        calls.post(
            "5.4",
            "/recipe/userid/map",
            "{\"superTokensUserId\":\"" + a + "\",\"externalUserId\":\"ext-" + a + "\"}"));
    assertEquals(
        "200 {\"status\":\"USER_ID_MAPPING_ALREADY_EXISTS_ERROR\",\"doesSuperTokensUserIdExist\":true,"
            + "\"doesExternalUserIdExist\":false}",
        shape(
            calls.post(
                "5.4",
                "/recipe/userid/map",
                "{\"superTokensUserId\":\"" + a + "\",\"externalUserId\":\"other-" + a + "\"}")));
    assertEquals(
        "400 Cannot create a userId mapping where the externalId is also a SuperTokens userID",
        shape(
            calls.post(
                "5.4",
                "/recipe/userid/map",
                "{\"superTokensUserId\":\"" + b + "\",\"externalUserId\":\"" + ep + "\"}")));
    ok(
        calls.post(
            "5.4",
            "/recipe/userid/map",
            "{\"superTokensUserId\":\""
                + b
                + "\",\"externalUserId\":\""
                + ep
                + "\",\"force\":true}"));
    assertEquals(
        "200 {\"status\":\"OK\",\"didMappingExist\":true}",
        shape(calls.post("5.4", "/recipe/userid/map/remove", "{\"userId\":\"ext-" + a + "\"}")));
  }

  @Test
  void webAuthnUsersLinkByEmailAsTheOthers() {
    String email = email("link");
    String ep = emailPasswordUser(email);
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    String wa = calls.signUp("", email, passkey).get("recipeUserId").asText();
    assertEquals(
        "200 {\"status\":\"OK\",\"wasAlreadyAPrimaryUser\":false}",
        shape(calls.get("5.4", "/recipe/accountlinking/user/primary/check?recipeUserId=" + wa)));
    ok(
        calls.post(
            "5.4", "/recipe/accountlinking/user/primary", "{\"recipeUserId\":\"" + ep + "\"}"));
    assertEquals(
        "200 {\"status\":\"ACCOUNT_INFO_ALREADY_ASSOCIATED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR\",\"primaryUserId\":\""
            + ep
            + "\",\"description\":\"This user's email is already associated with another user ID\"}",
        shape(calls.get("5.4", "/recipe/accountlinking/user/primary/check?recipeUserId=" + wa)));
    assertEquals(
        "200 {\"status\":\"OK\",\"accountsAlreadyLinked\":false}",
        shape(
            calls.get(
                "5.4",
                "/recipe/accountlinking/user/link/check?recipeUserId="
                    + wa
                    + "&primaryUserId="
                    + ep)));
    JsonNode linked =
        calls
            .post(
                "5.4",
                "/recipe/accountlinking/user/link",
                "{\"recipeUserId\":\"" + wa + "\",\"primaryUserId\":\"" + ep + "\"}")
            .json();
    assertEquals("[\"" + email + "\"]", linked.get("user").get("emails").toString());
    assertEquals(
        "[\"" + passkey.credentialId() + "\"]",
        linked.get("user").get("webauthn").get("credentialIds").toString());
    assertEquals(ep, calls.signIn("", passkey).json().get("user").get("id").asText());
    // Another primary user holding an email blocks making a WebAuthn user with it primary.
    String held = email("held");
    String other = emailPasswordUser(held);
    ok(
        calls.post(
            "5.4", "/recipe/accountlinking/user/primary", "{\"recipeUserId\":\"" + other + "\"}"));
    String wa2 = calls.signUp("", held, SoftwareAuthenticator.es256()).get("recipeUserId").asText();
    assertEquals(
        "ACCOUNT_INFO_ALREADY_ASSOCIATED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR",
        calls
            .get("5.4", "/recipe/accountlinking/user/primary/check?recipeUserId=" + wa2)
            .json()
            .get("status")
            .asText());
    assertEquals(
        "200 {\"status\":\"OK\",\"wasRecipeUserDeleted\":false,\"wasLinked\":true}",
        shape(
            calls.post(
                "5.4", "/recipe/accountlinking/user/unlink", "{\"recipeUserId\":\"" + wa + "\"}")));
    assertEquals(wa, calls.signIn("", passkey).json().get("user").get("id").asText());
  }

  @Test
  void aWebAuthnUserJoinsAndLeavesTenants() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    String email = email("roam");
    String userId = calls.signUp("", email, passkey).get("recipeUserId").asText();
    String add = "/t1/recipe/multitenancy/tenant/user";
    String body = "{\"recipeUserId\":\"" + userId + "\"}";
    // The original 11.4.7 answers these with a 500 ("Should never come here!").
    assertEquals(
        "200 {\"status\":\"OK\",\"wasAlreadyAssociated\":false}",
        shape(calls.post("5.4", add, body)));
    assertEquals(
        "200 {\"status\":\"OK\",\"wasAlreadyAssociated\":true}",
        shape(calls.post("5.4", add, body)));
    JsonNode user = calls.get("5.4", "/user/id?userId=" + userId).json().get("user");
    assertEquals("[\"public\",\"t1\"]", user.get("tenantIds").toString());
    assertEquals(
        "[\"" + passkey.credentialId() + "\"]",
        user.get("webauthn").get("credentialIds").toString());
    assertEquals("OK", calls.signIn("/t1", passkey).json().get("status").asText());
    // Its email is now taken in t1 for WebAuthn sign-ups, and another's email blocks joining.
    JsonNode options = calls.registerOptions("/t1", email, "");
    assertEquals(
        "200 {\"status\":\"EMAIL_ALREADY_EXISTS_ERROR\"}",
        shape(
            calls.signUp(
                "5.4",
                "/t1",
                WebAuthnCalls.id(options),
                SoftwareAuthenticator.es256().register(WebAuthnCalls.ceremony(options)))));
    String twin = email("twin");
    calls.signUp("/t1", twin, SoftwareAuthenticator.es256());
    String other =
        calls.signUp("", twin, SoftwareAuthenticator.es256()).get("recipeUserId").asText();
    assertEquals(
        "200 {\"status\":\"EMAIL_ALREADY_EXISTS_ERROR\"}",
        shape(calls.post("5.4", add, "{\"recipeUserId\":\"" + other + "\"}")));
    // A change of email follows the user into every tenant.
    ok(
        calls.put(
            "5.4",
            "/recipe/webauthn/user/email",
            "{\"recipeUserId\":\"" + userId + "\",\"email\":\"moved-" + email + "\"}"));
    assertEquals(
        "200 {\"status\":\"OK\",\"wasAssociated\":true}",
        shape(calls.post("5.4", "/t1/recipe/multitenancy/tenant/user/remove", body)));
    // As the original, a passkey signs in through any tenant of the app; the user stays where it
    // is.
    JsonNode throughT1 = calls.signIn("/t1", passkey).json();
    assertEquals("OK", throughT1.get("status").asText());
    assertEquals("[\"public\"]", throughT1.get("user").get("tenantIds").toString());
    assertEquals("OK", calls.signIn("", passkey).json().get("status").asText());
  }
}
