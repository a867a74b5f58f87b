package io.authcore.recipe.webauthn;

import static io.authcore.recipe.webauthn.WebAuthnCalls.ceremony;
import static io.authcore.recipe.webauthn.WebAuthnCalls.id;
import static io.authcore.recipe.webauthn.WebAuthnCalls.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http.Reply;
import io.authcore.support.webauthn.SoftwareAuthenticator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A WebAuthn user's other passkeys (added, read, listed, removed) and its email, with the original
 * 11.4.7's answers; user ids may be external ones and are echoed as given.
 */
class WebAuthnAccountTest extends WebAuthnServerTest {

  String credentialPath(String userId, String credentialId) {
    return "?recipeUserId=" + userId + "&webauthnCredentialId=" + credentialId;
  }

  @Test
  void aUserAddsReadsListsAndRemovesPasskeys() {
    SoftwareAuthenticator first = SoftwareAuthenticator.es256();
    String email = email("keys");
    long joined = clock.millis();
    String userId = calls.signUp("", email, first).get("recipeUserId").asText();
    clock.advance(Duration.ofSeconds(1));
    SoftwareAuthenticator second = SoftwareAuthenticator.rs256();
    JsonNode options = calls.registerOptions("", email, "");
    assertEquals(
        "200 {\"status\":\"OK\",\"webauthnCredentialId\":\""
            + second.credentialId()
            + "\",\"recipeUserId\":\""
            + userId
            + "\",\"email\":\""
            + email
            + "\",\"relyingPartyId\":\"example.com\",\"relyingPartyName\":\"Example\"}",
        shape(
            calls.registerCredential(
                "5.4", userId, id(options), second.register(ceremony(options)))));
    assertEquals(
        "200 {\"credentials\":[{\"webauthnCredentialId\":\""
            + first.credentialId()
            + "\",\"recipeUserId\":\""
            + userId
            + "\",\"relyingPartyId\":\"example.com\",\"createdAt\":"
            + joined
            + "},{\"webauthnCredentialId\":\""
            + second.credentialId()
            + "\",\"recipeUserId\":\""
            + userId
            + "\",\"relyingPartyId\":\"example.com\",\"createdAt\":"
            + clock.millis()
            + "}],\"status\":\"OK\"}",
        shape(calls.credentials(userId)));
    assertEquals("OK", calls.signIn("", second).json().get("status").asText());
    // With and without the trailing slash the original registers this path with.
    for (String path :
        new String[] {"/recipe/webauthn/user/credential/", "/recipe/webauthn/user/credential"}) {
      assertEquals(
          "200 {\"webauthnCredentialId\":\""
              + first.credentialId()
              + "\",\"recipeUserId\":\""
              + userId
              + "\",\"relyingPartyId\":\"example.com\",\"createdAt\":"
              + joined
              + ",\"updatedAt\":"
              + joined
              + ",\"status\":\"OK\"}",
          shape(calls.get("2.7", path + credentialPath(userId, first.credentialId()))));
    }
    String remove =
        "/recipe/webauthn/user/credential/remove" + credentialPath(userId, second.credentialId());
    assertEquals("200 {\"status\":\"OK\"}", shape(calls.delete("5.4", remove)));
    assertEquals(
        "200 {\"status\":\"CREDENTIAL_NOT_FOUND_ERROR\"}", shape(calls.delete("5.4", remove)));
    assertEquals(
        "200 {\"status\":\"CREDENTIAL_NOT_FOUND_ERROR\"}", shape(calls.signIn("", second)));
    calls.delete(
        "5.4",
        "/recipe/webauthn/user/credential/remove" + credentialPath(userId, first.credentialId()));
    // Without credentials the user stays, shown as the original's left join shows it.
    JsonNode user = calls.get("5.4", "/user/id?userId=" + userId).json().get("user");
    assertEquals("{\"credentialIds\":[null]}", user.get("webauthn").toString());
    assertEquals(
        "{\"credentialIds\":[null]}", user.get("loginMethods").get(0).get("webauthn").toString());
    assertEquals("200 {\"credentials\":[],\"status\":\"OK\"}", shape(calls.credentials(userId)));
  }

  @Test
  void externalIdsAreTakenAndEchoed() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    String email = email("mapped");
    String userId = calls.signUp("", email, passkey).get("recipeUserId").asText();
    String external = "ext-" + userId;
    calls.post(
        "5.4",
        "/recipe/userid/map",
        "{\"superTokensUserId\":\"" + userId + "\",\"externalUserId\":\"" + external + "\"}");
    assertEquals(
        external,
        calls.credentials(external).json().get("credentials").get(0).get("recipeUserId").asText());
    assertEquals(
        userId,
        calls.credentials(userId).json().get("credentials").get(0).get("recipeUserId").asText());
    assertEquals(
        external,
        calls
            .get(
                "5.4",
                "/recipe/webauthn/user/credential"
                    + credentialPath(external, passkey.credentialId()))
            .json()
            .get("recipeUserId")
            .asText());
    SoftwareAuthenticator second = SoftwareAuthenticator.eddsa();
    JsonNode options = calls.signInOptions("", "");
    // Sign-in options name no email: the original answers null.
    assertEquals(
        "200 {\"status\":\"OK\",\"webauthnCredentialId\":\""
            + second.credentialId()
            + "\",\"recipeUserId\":\""
            + external
            + "\",\"email\":null,\"relyingPartyId\":\"example.com\",\"relyingPartyName\":\"Example\"}",
        shape(
            calls.registerCredential(
                "5.4", external, id(options), second.register(ceremony(options)))));
  }

  @Test
  void registeringIsRefusedForWhatIsNoWebAuthnUserOrNoNewCredential() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    String email = email("refused");
    String userId = calls.signUp("", email, passkey).get("recipeUserId").asText();
    String epId =
        calls
            .post(
                "5.4",
                "/recipe/signup",
                "{\"email\":\"" + email + "\",\"password\":\"password-123\"}")
            .json()
            .get("user")
            .get("id")
            .asText();
    for (String who : new String[] {"nope", epId}) {
      JsonNode options = calls.registerOptions("", email, "");
      assertEquals(
          "200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}",
          shape(
              calls.registerCredential(
                  "5.4",
                  who,
                  id(options),
                  SoftwareAuthenticator.es256().register(ceremony(options)))));
    }
    JsonNode options = calls.registerOptions("", email, "");
    assertEquals(
        "200 {\"status\":\"CREDENTIAL_ALREADY_EXISTS_ERROR\"}",
        shape(
            calls.registerCredential(
                "5.4", userId, id(options), passkey.register(ceremony(options)))));
    // Options of another tenant of the app serve, as for the original's sign-up and sign-in.
    JsonNode t1 = calls.registerOptions("/t1", email, "");
    assertEquals(
        "OK",
        calls
            .registerCredential(
                "5.4", userId, id(t1), SoftwareAuthenticator.es256().register(ceremony(t1)))
            .json()
            .get("status")
            .asText());
    String path = "/recipe/webauthn/user/credential/register";
    assertEquals(
        "400 Field name 'recipeUserId' is invalid in JSON input",
        shape(calls.post("5.4", path, "{}")));
    assertEquals(
        "400 Field name 'webauthnGeneratedOptionsId' is invalid in JSON input",
        shape(calls.post("5.4", path, "{\"recipeUserId\":\"u\"}")));
    assertEquals(
        "400 Field name 'credential' is invalid in JSON input",
        shape(
            calls.post(
                "5.4", path, "{\"recipeUserId\":\"u\",\"webauthnGeneratedOptionsId\":\"o\"}")));
    assertEquals(
        "400 Field name 'recipeUserId' is missing in GET request",
        shape(calls.get("5.4", "/recipe/webauthn/user/credential")));
    assertEquals(
        "400 Field name 'webauthnCredentialId' is missing in GET request",
        shape(calls.get("5.4", "/recipe/webauthn/user/credential?recipeUserId=u")));
    assertEquals(
        "400 Field name 'recipeUserId' is missing in GET request",
        shape(calls.get("5.4", "/recipe/webauthn/user/credential/list")));
    assertEquals(
        "400 Field name 'webauthnCredentialId' is missing in GET request",
        shape(calls.delete("5.4", "/recipe/webauthn/user/credential/remove?recipeUserId=u")));
    assertEquals("200 {\"credentials\":[],\"status\":\"OK\"}", shape(calls.credentials("nope")));
    assertEquals(
        "200 {\"status\":\"CREDENTIAL_NOT_FOUND_ERROR\"}",
        shape(
            calls.get(
                "5.4",
                "/recipe/webauthn/user/credential"
                    + credentialPath("nope", passkey.credentialId()))));
  }

  Reply updateEmail(String userId, String email) {
    return calls.put(
        "5.4",
        "/recipe/webauthn/user/email",
        "{\"recipeUserId\":\""
            + userId
            + "\",\"email\":"
            + io.authcore.http.Json.write(email)
            + "}");
  }

  @Test
  void theEmailChangesAsGivenUnlessAnotherUserHasIt() {
    String email = email("mail");
    String userId =
        calls.signUp("", email, SoftwareAuthenticator.es256()).get("recipeUserId").asText();
    String taken = email("taken");
    calls.signUp("", taken, SoftwareAuthenticator.es256());
    // Not normalised here, unlike everywhere else.
    assertEquals("200 {\"status\":\"OK\"}", shape(updateEmail(userId, " New@X.com ")));
    assertEquals(
        "[\" New@X.com \"]",
        calls.get("5.4", "/user/id?userId=" + userId).json().get("user").get("emails").toString());
    assertEquals("200 {\"status\":\"OK\"}", shape(updateEmail(userId, " New@X.com ")));
    assertEquals(
        "200 {\"status\":\"EMAIL_ALREADY_EXISTS_ERROR\"}", shape(updateEmail(userId, taken)));
    String epId =
        calls
            .post(
                "5.4",
                "/recipe/signup",
                "{\"email\":\"" + email("ep") + "\",\"password\":\"password-123\"}")
            .json()
            .get("user")
            .get("id")
            .asText();
    assertEquals("200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}", shape(updateEmail(epId, "a@x.com")));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}", shape(updateEmail("nope", "a@x.com")));
    // A WebAuthn user in the primary group of an email-password user.
    calls.post("5.4", "/recipe/accountlinking/user/primary", "{\"recipeUserId\":\"" + epId + "\"}");
    calls.post(
        "5.4",
        "/recipe/accountlinking/user/link",
        "{\"recipeUserId\":\"" + userId + "\",\"primaryUserId\":\"" + epId + "\"}");
    String otherPrimaryEmail = email("other");
    String other =
        calls
            .post(
                "5.4",
                "/recipe/signup",
                "{\"email\":\"" + otherPrimaryEmail + "\",\"password\":\"password-123\"}")
            .json()
            .get("user")
            .get("id")
            .asText();
    calls.post(
        "5.4", "/recipe/accountlinking/user/primary", "{\"recipeUserId\":\"" + other + "\"}");
    assertEquals(
        "200 {\"status\":\"USER_WITH_EMAIL_ALREADY_EXISTS_ERROR\"}",
        shape(updateEmail(userId, otherPrimaryEmail)));
    assertEquals("200 {\"status\":\"OK\"}", shape(updateEmail(userId, email("fresh"))));
    assertEquals(
        "400 Field name 'recipeUserId' is invalid in JSON input",
        shape(calls.put("5.4", "/recipe/webauthn/user/email", "{}")));
    assertEquals(
        "400 Field name 'email' is invalid in JSON input",
        shape(
            calls.put(
                "5.4", "/recipe/webauthn/user/email", "{\"recipeUserId\":\"u\",\"email\":null}")));
    assertEquals(
        "400 Field name 'email' cannot be longer than 256 characters",
        shape(updateEmail(userId, "e".repeat(300))));
  }
}
