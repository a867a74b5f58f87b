package io.authcore.recipe.webauthn;

import static io.authcore.recipe.webauthn.WebAuthnCalls.ceremony;
import static io.authcore.recipe.webauthn.WebAuthnCalls.id;
import static io.authcore.recipe.webauthn.WebAuthnCalls.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.http.CdiVersion;
import io.authcore.support.Http.Reply;
import io.authcore.support.webauthn.SoftwareAuthenticator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Sign-up and sign-in with a software passkey (ES256, RS256, Ed25519) at every CDI version, in the
 * original's answers, and the rules around them: options expire, serve any tenant of the app and,
 * once a sign-in succeeds, are gone (at every version, where the original keeps them below 5.5).
 */
class WebAuthnCeremonyTest extends WebAuthnServerTest {
  static final List<String> VERSIONS =
      List.of("2.7", "3.0", "4.0", "5.0", "5.2", "5.3", "5.4", "5.5", "5.6");

  /** The user object of a lone WebAuthn user at {@code version}, as the original shows it. */
  static String user(String version, String id, long joined, String email, String credential) {
    boolean webauthn = CdiVersion.exactly(version).orElseThrow().atLeast(CdiVersion.V5_3);
    String credentials = "{\"credentialIds\":[\"" + credential + "\"]}";
    return "{\"id\":\""
        + id
        + "\",\"isPrimaryUser\":false,\"tenantIds\":[\"public\"],\"timeJoined\":"
        + joined
        + ",\"emails\":["
        + (webauthn ? "\"" + email + "\"" : "")
        + "],\"phoneNumbers\":[],\"thirdParty\":[],"
        + (webauthn ? "\"webauthn\":" + credentials + "," : "")
        + "\"loginMethods\":[{\"tenantIds\":[\"public\"],\"recipeUserId\":\""
        + id
        + "\",\"verified\":false,\"timeJoined\":"
        + joined
        + ",\"recipeId\":\"webauthn\",\"email\":\""
        + email
        + "\""
        + (webauthn ? ",\"webauthn\":" + credentials : "")
        + "}]}";
  }

  @Test
  void signUpAndSignInAnswerEachVersionWithEachAlgorithm() {
    Map<String, Supplier<SoftwareAuthenticator>> algorithms = new LinkedHashMap<>();
    algorithms.put("ES256", SoftwareAuthenticator::es256);
    algorithms.put("RS256", SoftwareAuthenticator::rs256);
    algorithms.put("EdDSA", SoftwareAuthenticator::eddsa);
    for (String v : VERSIONS) {
      algorithms.forEach(
          (name, make) -> {
            SoftwareAuthenticator passkey = make.get();
            String email = email(name.toLowerCase());
            JsonNode options = calls.registerOptions("", email, "");
            clock.advance(Duration.ofSeconds(1));
            long joined = clock.millis();
            Reply up = calls.signUp(v, "", id(options), passkey.register(ceremony(options)));
            String userId = up.json().path("recipeUserId").asText();
            String credential = passkey.credentialId();
            assertEquals(
                "200 {\"status\":\"OK\",\"user\":"
                    + user(v, userId, joined, email, credential)
                    + ",\"webauthnCredentialId\":\""
                    + credential
                    + "\",\"relyingPartyId\":\"example.com\",\"relyingPartyName\":\"Example\","
                    + "\"recipeUserId\":\""
                    + userId
                    + "\"}",
                shape(up),
                v + " " + name);
            for (int i = 1; i <= 2; i++) {
              clock.advance(Duration.ofSeconds(1));
              Reply in = calls.signIn(v, "", passkey, "", c -> c);
              assertEquals(
                  "200 {\"status\":\"OK\",\"user\":"
                      + user(v, userId, joined, email, credential)
                      + ",\"recipeUserId\":\""
                      + userId
                      + "\"}",
                  shape(in),
                  v + " " + name);
              // The counter the authenticator reached is stored, and when.
              assertEquals(
                  "200 {\"webauthnCredentialId\":\""
                      + credential
                      + "\",\"recipeUserId\":\""
                      + userId
                      + "\",\"relyingPartyId\":\"example.com\",\"createdAt\":"
                      + joined
                      + ",\"updatedAt\":"
                      + clock.millis()
                      + ",\"status\":\"OK\"}",
                  shape(
                      calls.get(
                          v,
                          "/recipe/webauthn/user/credential/?recipeUserId="
                              + userId
                              + "&webauthnCredentialId="
                              + credential)));
            }
          });
    }
  }

  @Test
  void signInOptionsAreSingleUseAtEveryVersion() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    calls.signUp("", email("once"), passkey);
    for (String v : VERSIONS) {
      JsonNode options = calls.signInOptions("", "");
      // A failed attempt leaves the options usable.
      Reply wrong =
          calls.signIn(
              v, "", id(options), passkey.signIn(ceremony(options).origin("https://evil.com")));
      assertEquals("INVALID_AUTHENTICATOR_ERROR", wrong.json().get("status").asText(), v);
      Reply first = calls.signIn(v, "", id(options), passkey.signIn(ceremony(options)));
      assertEquals("OK", first.json().get("status").asText(), v);
      Reply replay = calls.signIn(v, "", id(options), passkey.signIn(ceremony(options)));
      assertEquals("200 {\"status\":\"OPTIONS_NOT_FOUND_ERROR\"}", shape(replay), v);
      assertEquals(
          "200 {\"status\":\"OPTIONS_NOT_FOUND_ERROR\"}", shape(calls.options("", id(options))));
    }
    // Register options sign in too (their challenge is checked as any), and are then used up.
    JsonNode register = calls.registerOptions("", email("reg"), "");
    assertEquals(
        "OK",
        calls
            .signIn("5.4", "", id(register), passkey.signIn(ceremony(register)))
            .json()
            .get("status")
            .asText());
    assertEquals(
        "200 {\"status\":\"OPTIONS_NOT_FOUND_ERROR\"}",
        shape(calls.signIn("5.4", "", id(register), passkey.signIn(ceremony(register)))));
  }

  @Test
  void optionsAndCredentialsAreFoundInAnyTenantOfTheApp() {
    // As the original: the user joins the request's tenant, whichever tenant made the options.
    SoftwareAuthenticator inPublic = SoftwareAuthenticator.es256();
    SoftwareAuthenticator inT1 = SoftwareAuthenticator.es256();
    JsonNode t1Options = calls.registerOptions("/t1", email("t1"), "");
    JsonNode upInPublic =
        calls.signUp("5.4", "", id(t1Options), inPublic.register(ceremony(t1Options))).json();
    assertEquals("[\"public\"]", upInPublic.get("user").get("tenantIds").toString());
    JsonNode upInT1 =
        calls.signUp("5.4", "/t1", id(t1Options), inT1.register(ceremony(t1Options))).json();
    assertEquals("[\"t1\"]", upInT1.get("user").get("tenantIds").toString());
    JsonNode publicOptions = calls.signInOptions("", "");
    JsonNode signedIn =
        calls.signIn("5.4", "/t1", id(publicOptions), inT1.signIn(ceremony(publicOptions))).json();
    assertEquals("OK", signedIn.get("status").asText());
    // A user of t1 signs in through the public tenant, still a user of t1 only (the SDK then
    // decides whether to add it to the public tenant).
    JsonNode acrossTenants = calls.signIn("", inT1).json();
    assertEquals("OK", acrossTenants.get("status").asText());
    assertEquals("[\"t1\"]", acrossTenants.get("user").get("tenantIds").toString());
    assertEquals(
        "200 {\"status\":\"OPTIONS_NOT_FOUND_ERROR\"}",
        shape(calls.signIn("5.4", "", id(publicOptions), inT1.signIn(ceremony(publicOptions)))));
  }

  @Test
  void anEmailSignsUpOncePerTenant() {
    String email = email("twice");
    calls.signUp("", email, SoftwareAuthenticator.es256());
    JsonNode options = calls.registerOptions("", email, "");
    SoftwareAuthenticator second = SoftwareAuthenticator.es256();
    assertEquals(
        "200 {\"status\":\"EMAIL_ALREADY_EXISTS_ERROR\"}",
        shape(calls.signUp("5.4", "", id(options), second.register(ceremony(options)))));
    assertEquals(
        "200 {\"status\":\"CREDENTIAL_NOT_FOUND_ERROR\"}", shape(calls.signIn("", second)));
    assertEquals("OK", calls.signUp("/t1", email, second).get("status").asText());
  }

  @Test
  void expiredOptionsAreRefusedAfterTheCredentialsShape() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    JsonNode options = calls.registerOptions("", email("late"), "");
    JsonNode credential = passkey.register(ceremony(options));
    clock.advance(Duration.ofMillis(600_000));
    // Expiring at this very millisecond is not yet expired.
    Reply onTime = calls.signUp("5.4", "", id(options), credential);
    assertEquals("OK", onTime.json().get("status").asText(), onTime.body());
    JsonNode again = calls.registerOptions("", email("later"), "");
    JsonNode signIn = calls.signInOptions("", "");
    clock.advance(Duration.ofMillis(600_001));
    SoftwareAuthenticator other = SoftwareAuthenticator.es256();
    String expired = "200 {\"status\":\"INVALID_OPTIONS_ERROR\",\"reason\":\"Options expired\"}";
    assertEquals(
        expired, shape(calls.signUp("5.4", "", id(again), other.register(ceremony(again)))));
    assertEquals(
        expired, shape(calls.signIn("5.4", "", id(signIn), passkey.signIn(ceremony(signIn)))));
    assertEquals(
        "200 {\"status\":\"INVALID_CREDENTIALS_ERROR\",\"reason\":\"credential id is missing!\"}",
        shape(calls.signUp("5.4", "", id(again), calls.object("{}"))));
  }

  @Test
  void aCredentialIsCheckedForItsShapeFirst() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    calls.signUp("", email("shape"), passkey);
    Map<String, String> shapes = new LinkedHashMap<>();
    shapes.put("{}", "credential id is missing!");
    shapes.put("{\"id\":null,\"type\":\"public-key\"}", "credential id is missing!");
    shapes.put("{\"id\":\"\"}", "credential id is empty!");
    // Not base64url: the original answers these with a 500.
    shapes.put("{\"id\":\"@@@\"}", "Credential ID has to be base64 url encoded");
    shapes.put("{\"id\":5}", "Credential ID has to be base64 url encoded");
    shapes.put("{\"id\":{}}", "Credential ID has to be base64 url encoded");
    shapes.put("{\"id\":\"abc\"}", "credential type is missing!");
    shapes.put("{\"id\":\"abc\",\"type\":\"\"}", "credential type is empty!");
    shapes.put("{\"id\":\"abc\",\"type\":\"x\"}", "not supported credential type: 'x'");
    shapes.put("{\"id\":\"abc\",\"type\":5}", "not supported credential type: '5'");
    shapes.forEach(
        (credential, reason) -> {
          String expected =
              "200 {\"status\":\"INVALID_CREDENTIALS_ERROR\",\"reason\":\"" + reason + "\"}";
          JsonNode register = calls.registerOptions("", email("s"), "");
          assertEquals(
              expected,
              shape(calls.signUp("5.4", "", id(register), calls.object(credential))),
              credential);
          JsonNode signIn = calls.signInOptions("", "");
          assertEquals(
              expected,
              shape(calls.signIn("5.4", "", id(signIn), calls.object(credential))),
              credential);
        });
    // Unknown options come before the credential's shape.
    assertEquals(
        "200 {\"status\":\"OPTIONS_NOT_FOUND_ERROR\"}",
        shape(calls.signUp("5.4", "", "nope", calls.object("{}"))));
    assertEquals(
        "200 {\"status\":\"OPTIONS_NOT_FOUND_ERROR\"}",
        shape(calls.signIn("5.4", "", "nope", calls.object("{}"))));
    // Sign-in looks the credential up before reading it: an unknown one is not found.
    JsonNode signIn = calls.signInOptions("", "");
    assertEquals(
        "200 {\"status\":\"CREDENTIAL_NOT_FOUND_ERROR\"}",
        shape(
            calls.signIn(
                "5.4", "", id(signIn), calls.object("{\"id\":\"abc\",\"type\":\"PUBLIC-KEY\"}"))));
  }

  @Test
  void missingFieldsAreFourHundreds() {
    for (String path : new String[] {"/recipe/webauthn/signup", "/recipe/webauthn/signin"}) {
      assertEquals(
          "400 Field name 'webauthnGeneratedOptionsId' is invalid in JSON input",
          shape(calls.post("5.4", path, "{}")));
      assertEquals(
          "400 Field name 'credential' is invalid in JSON input",
          shape(calls.post("5.4", path, "{\"webauthnGeneratedOptionsId\":\"x\"}")));
      assertEquals(
          "400 Field name 'credential' is invalid in JSON input",
          shape(
              calls.post(
                  "5.4", path, "{\"webauthnGeneratedOptionsId\":\"x\",\"credential\":\"a\"}")));
      assertEquals("400 Invalid Json Input", shape(calls.post("5.4", path, "{")));
    }
  }

  @Test
  void signUpWithSignInOptionsIsRefused() {
    JsonNode signIn = calls.signInOptions("", "");
    // The original fails with a 500 (no email to sign up with).
    assertEquals(
        "200 {\"status\":\"INVALID_OPTIONS_ERROR\",\"reason\":"
            + "\"Options were not generated for a registration\"}",
        shape(
            calls.signUp(
                "5.4", "", id(signIn), SoftwareAuthenticator.es256().register(ceremony(signIn)))));
  }

  @Test
  void signInAnswersTheGroupAndTheLoginMethodWithExternalIds() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    String email = email("group");
    JsonNode up = calls.signUp("", email, passkey);
    String webauthnId = up.get("recipeUserId").asText();
    Reply ep =
        calls.post(
            "5.4", "/recipe/signup", "{\"email\":\"" + email + "\",\"password\":\"password-123\"}");
    String epId = ep.json().get("user").get("id").asText();
    assertEquals(
        "OK",
        calls
            .post(
                "5.4", "/recipe/accountlinking/user/primary", "{\"recipeUserId\":\"" + epId + "\"}")
            .json()
            .get("status")
            .asText());
    assertEquals(
        "OK",
        calls
            .post(
                "5.4",
                "/recipe/accountlinking/user/link",
                "{\"recipeUserId\":\"" + webauthnId + "\",\"primaryUserId\":\"" + epId + "\"}")
            .json()
            .get("status")
            .asText());
    calls.post(
        "5.4",
        "/recipe/userid/map",
        "{\"superTokensUserId\":\""
            + webauthnId
            + "\",\"externalUserId\":\"ext-"
            + webauthnId
            + "\"}");
    JsonNode in = calls.signIn("", passkey).json();
    assertEquals(epId, in.get("user").get("id").asText());
    assertEquals(true, in.get("user").get("isPrimaryUser").asBoolean());
    assertEquals("ext-" + webauthnId, in.get("recipeUserId").asText());
    assertEquals(
        "[\"" + passkey.credentialId() + "\"]",
        in.get("user").get("webauthn").get("credentialIds").toString());
    assertEquals(2, in.get("user").get("loginMethods").size());
  }

  @Test
  void userPresenceAndVerificationAreRequiredWhenTheOptionsSaySo() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    JsonNode options =
        calls.registerOptions(
            "", email("uv"), ",\"userVerification\":\"required\",\"userPresence\":true");
    assertEquals(
        "OK",
        calls
            .signUp(
                "5.4", "", id(options), passkey.register(ceremony(options).withUserVerification()))
            .json()
            .get("status")
            .asText());
    String strict = ",\"userVerification\":\"required\",\"userPresence\":true";
    assertEquals(
        "OK",
        calls
            .signIn("5.4", "", passkey, strict, c -> c.withUserVerification())
            .json()
            .get("status")
            .asText());
    // Not required: neither flag needs to be set.
    assertEquals(
        "OK",
        calls
            .signIn(
                "5.4",
                "",
                passkey,
                ",\"userVerification\":\"preferred\"",
                c -> c.withoutUserPresence())
            .json()
            .get("status")
            .asText());
  }
}
