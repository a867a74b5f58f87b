package io.authcore.recipe.webauthn;

import static io.authcore.recipe.webauthn.WebAuthnCalls.PARTY;
import static io.authcore.recipe.webauthn.WebAuthnCalls.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.http.CdiVersion;
import io.authcore.support.Http.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Register and sign-in options, and reading and removing them, byte for byte as the original 11.4.7
 * answered: defaults, the reasons of {@code INVALID_OPTIONS_ERROR} in the original's order, the 400
 * texts of missing or mistyped fields, and where the tenant is looked up.
 */
class WebAuthnOptionsTest extends WebAuthnServerTest {
  static final long NOW = START;
  static final String ANDROID = "android:apk-key-hash:";
  static final String HASH = "A".repeat(43);

  Reply register(String body) {
    return calls.post("5.4", "/recipe/webauthn/options/register", body);
  }

  Reply signIn(String body) {
    return calls.post("5.4", "/recipe/webauthn/options/signin", body);
  }

  static String handle(String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void registerOptionsTakeTheOriginalsDefaults() {
    Reply r = register("{\"email\":\" Dee@Example.COM \"," + PARTY + "}");
    JsonNode json = r.json();
    String id = json.get("webauthnGeneratedOptionsId").asText();
    String challenge = json.get("challenge").asText();
    assertEquals(32, Base64.getUrlDecoder().decode(challenge).length);
    assertEquals(
        "200 {\"webauthnGeneratedOptionsId\":\""
            + id
            + "\",\"rp\":{\"id\":\"example.com\",\"name\":\"Example\"},\"user\":{\"id\":\""
            + handle(id)
            + "\",\"name\":\"dee@example.com\",\"displayName\":\"dee@example.com\"},"
            + "\"email\":\"dee@example.com\",\"timeout\":6000,\"challenge\":\""
            + challenge
            + "\",\"attestation\":\"none\",\"createdAt\":"
            + NOW
            + ",\"expiresAt\":"
            + (NOW + 6000)
            + ",\"pubKeyCredParams\":[{\"alg\":-8,\"type\":\"public-key\"},"
            + "{\"alg\":-7,\"type\":\"public-key\"},{\"alg\":-257,\"type\":\"public-key\"}],"
            + "\"excludeCredentials\":[],\"authenticatorSelection\":{\"requireResidentKey\":true,"
            + "\"residentKey\":\"required\",\"userVerification\":\"preferred\"},\"status\":\"OK\"}",
        shape(r));
    assertEquals("application/json;charset=UTF-8", r.contentType());
    assertEquals(
        "200 {\"status\":\"OK\",\"webauthnGeneratedOptionsId\":\""
            + id
            + "\",\"relyingPartyId\":\"example.com\",\"relyingPartyName\":\"Example\","
            + "\"challenge\":\""
            + challenge
            + "\",\"timeout\":6000,\"origin\":\"https://example.com\","
            + "\"email\":\"dee@example.com\",\"createdAt\":"
            + NOW
            + ",\"expiresAt\":"
            + (NOW + 6000)
            + ",\"userVerification\":\"preferred\",\"userPresence\":false}",
        shape(calls.options("", id)));
  }

  @Test
  void registerOptionsTakeWhatTheyAreGivenAndReadNumbersAsGsonDoes() {
    Reply r =
        register(
            "{\"email\":\"e@x.com\",\"displayName\":\"Bob\","
                + PARTY
                + ",\"timeout\":\"30\",\"attestation\":\"direct\",\"residentKey\":\"discouraged\","
                + "\"userVerification\":\"required\",\"userPresence\":[true],"
                + "\"supportedAlgorithmIDs\":[-7,\"7\",1.5,[3],99999999999999999999]}");
    JsonNode json = r.json();
    assertEquals(
        "{\"id\":\""
            + handle(json.get("webauthnGeneratedOptionsId").asText())
            + "\",\"name\":\"e@x.com\",\"displayName\":\"Bob\"}",
        json.get("user").toString());
    assertEquals(30, json.get("timeout").asLong());
    assertEquals(NOW + 30, json.get("expiresAt").asLong());
    assertEquals("direct", json.get("attestation").asText());
    assertEquals(
        "[{\"alg\":-7,\"type\":\"public-key\"},{\"alg\":7,\"type\":\"public-key\"},"
            + "{\"alg\":1,\"type\":\"public-key\"},{\"alg\":3,\"type\":\"public-key\"},"
            + "{\"alg\":7766279631452241919,\"type\":\"public-key\"}]",
        json.get("pubKeyCredParams").toString());
    assertEquals(
        "{\"requireResidentKey\":false,\"residentKey\":\"discouraged\","
            + "\"userVerification\":\"required\"}",
        json.get("authenticatorSelection").toString());
    JsonNode stored = calls.options("", json.get("webauthnGeneratedOptionsId").asText()).json();
    assertEquals("required", stored.get("userVerification").asText());
    assertEquals(true, stored.get("userPresence").asBoolean());
    // Empty strings fall back to the defaults; an empty list asks for no algorithm.
    JsonNode empty =
        register(
                "{\"email\":\"e@x.com\",\"displayName\":\"\","
                    + PARTY
                    + ",\"attestation\":\"\",\"residentKey\":\"\",\"userVerification\":\"\","
                    + "\"supportedAlgorithmIDs\":[],\"userPresence\":1,\"timeout\":0}")
            .json();
    assertEquals("e@x.com", empty.get("user").get("displayName").asText());
    assertEquals("none", empty.get("attestation").asText());
    assertEquals("[]", empty.get("pubKeyCredParams").toString());
    assertEquals(NOW, empty.get("expiresAt").asLong());
  }

  @Test
  void theUserHandleIsTheOldestUserWithTheEmailInTheTenant() {
    Reply ep =
        calls.post(
            "5.4", "/recipe/signup", "{\"email\":\"held@x.com\",\"password\":\"password-123\"}");
    String userId = ep.json().get("user").get("id").asText();
    JsonNode options = calls.registerOptions("", "held@x.com", "");
    assertEquals(handle(userId), options.get("user").get("id").asText());
    JsonNode other = calls.registerOptions("/t1", "held@x.com", "");
    assertEquals(handle(id(other)), other.get("user").get("id").asText());
  }

  static String id(JsonNode options) {
    return WebAuthnCalls.id(options);
  }

  @Test
  void signInOptionsAnswerTheirOwnShape() {
    Reply r = signIn("{" + PARTY + ",\"userVerification\":\"required\",\"userPresence\":true}");
    JsonNode json = r.json();
    String id = json.get("webauthnGeneratedOptionsId").asText();
    assertEquals(
        "200 {\"webauthnGeneratedOptionsId\":\""
            + id
            + "\",\"relyingPartyId\":\"example.com\",\"challenge\":\""
            + json.get("challenge").asText()
            + "\",\"timeout\":6000,\"userVerification\":\"required\",\"userPresence\":true,"
            + "\"createdAt\":"
            + NOW
            + ",\"expiresAt\":"
            + (NOW + 6000)
            + ",\"status\":\"OK\"}",
        shape(r));
    JsonNode stored = calls.options("", id).json();
    assertEquals("null", stored.get("email").toString());
    assertNotEquals(
        json.get("challenge").asText(), calls.signInOptions("", "").get("challenge").asText());
  }

  /** Each bad option and the reason the original gives, checked in its order. */
  @Test
  void invalidOptionsNameTheirReasonInTheOriginalsOrder() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("\"origin\":\"example.com\"", "Origin has to be a valid url!");
    cases.put("\"origin\":\"foo://example.com\"", "Origin has to be a valid url!");
    cases.put("\"origin\":\"\"", "Origin has to be a valid url!");
    cases.put("\"origin\":\"https://example.org\"", "Origin does not match RelyingParty Id");
    cases.put("\"origin\":\"https://EXAMPLE.COM\"", "Origin does not match RelyingParty Id");
    cases.put("\"origin\":\"file:///example.com\"", "Origin does not match RelyingParty Id");
    cases.put("\"origin\":\"" + ANDROID + "\"", "Android origin must contain a valid base64 hash");
    cases.put(
        "\"origin\":\"" + ANDROID + "abc+\"",
        "Android origin hash must be valid URL-safe base64 (no padding)");
    cases.put(
        "\"origin\":\"" + ANDROID + "A".repeat(42) + "=\"",
        "Android origin hash must be valid URL-safe base64 (no padding)");
    cases.put(
        "\"origin\":\"" + ANDROID + "abc\"",
        "Android origin hash must be 43 characters (base64url SHA-256)");
    cases.put("\"timeout\":-1", "Timeout must be a positive value");
    cases.put(
        "\"userVerification\":\"Required\"",
        "Invalid value 'Required' for userVerification. Must be one of: required, discouraged,"
            + " preferred");
    cases.put(
        "\"attestation\":\"NONE\"",
        "Invalid value 'NONE' for attestation. Must be one of: none, indirect, direct, enterprise");
    cases.put(
        "\"residentKey\":\"x\"",
        "Invalid value 'x' for residentKey. Must be one of: required, discouraged, preferred");
    cases.put("\"supportedAlgorithmIDs\":[\"abc\"]", "For input string: \"abc\"");
    cases.put("\"supportedAlgorithmIDs\":[true]", "For input string: \"true\"");
    cases.put("\"supportedAlgorithmIDs\":[[1,2]]", "Array must have size 1, but has size 2");
    // In the original's order: origin, timeout, user verification, attestation, resident key.
    cases.put("\"origin\":\"x\",\"timeout\":-1", "Origin has to be a valid url!");
    cases.put("\"timeout\":-1,\"userVerification\":\"x\"", "Timeout must be a positive value");
    cases.put(
        "\"userVerification\":\"x\",\"attestation\":\"x\"",
        "Invalid value 'x' for userVerification. Must be one of: required, discouraged,"
            + " preferred");
    cases.put(
        "\"attestation\":\"x\",\"residentKey\":\"x\"",
        "Invalid value 'x' for attestation. Must be one of: none, indirect, direct, enterprise");
    cases.put(
        "\"residentKey\":\"x\",\"supportedAlgorithmIDs\":[\"a\"]",
        "Invalid value 'x' for residentKey. Must be one of: required, discouraged, preferred");
    cases.forEach(
        (fields, reason) -> {
          String body =
              "{\"email\":\"e@x.com\",\"relyingPartyId\":\"example.com\","
                  + "\"relyingPartyName\":\"Example\",\"origin\":\"https://example.com\","
                  + fields
                  + "}";
          assertEquals(
              "200 {\"status\":\"INVALID_OPTIONS_ERROR\",\"reason\":"
                  + io.authcore.http.Json.write(reason)
                  + "}",
              shape(register(body)),
              fields);
          boolean forSignIn = !fields.contains("attestation") && !fields.contains("resident");
          if (forSignIn && !fields.contains("supportedAlgorithmIDs")) {
            assertEquals(
                "200 {\"status\":\"INVALID_OPTIONS_ERROR\",\"reason\":"
                    + io.authcore.http.Json.write(reason)
                    + "}",
                shape(signIn(body)),
                fields);
          }
        });
  }

  @Test
  void theOriginIsOnlyCheckedForASuffixAndAndroidOriginsForTheirHash() {
    for (String origin :
        new String[] {
          "https://evilexample.com",
          "https://login.example.com:8443/path",
          "ftp://example.com",
          ANDROID + HASH,
          ANDROID + "A".repeat(42) + "B"
        }) {
      assertEquals(
          "OK",
          signIn(
                  "{\"relyingPartyId\":\"example.com\",\"relyingPartyName\":\"E\",\"origin\":\""
                      + origin
                      + "\"}")
              .json()
              .get("status")
              .asText(),
          origin);
    }
  }

  @Test
  void missingOrMistypedFieldsAreFourHundreds() {
    Map<String, String> register = new LinkedHashMap<>();
    register.put("{}", "email");
    register.put("{\"email\":5}", "email");
    register.put("{\"email\":\"e@x.com\"}", "relyingPartyName");
    register.put("{\"email\":\"e@x.com\",\"relyingPartyName\":\"n\"}", "relyingPartyId");
    register.put(
        "{\"email\":\"e@x.com\",\"relyingPartyName\":\"n\",\"relyingPartyId\":\"e.com\"}",
        "origin");
    register.put("{\"email\":\"e@x.com\",\"displayName\":null," + PARTY + "}", "displayName");
    register.put("{\"email\":\"e@x.com\",\"displayName\":5," + PARTY + "}", "displayName");
    for (String timeout : new String[] {"\" 30\"", "null", "true", "{}", "\"x\""}) {
      register.put("{\"email\":\"e@x.com\"," + PARTY + ",\"timeout\":" + timeout + "}", "timeout");
    }
    register.put("{\"email\":\"e@x.com\"," + PARTY + ",\"attestation\":null}", "attestation");
    register.put("{\"email\":\"e@x.com\"," + PARTY + ",\"userPresence\":\"true\"}", "userPresence");
    register.put("{\"email\":\"e@x.com\"," + PARTY + ",\"userPresence\":null}", "userPresence");
    // An object or null among the algorithms is a 500 in the original.
    for (String algs : new String[] {"5", "null", "{}", "[{}]", "[null]"}) {
      register.put(
          "{\"email\":\"e@x.com\"," + PARTY + ",\"supportedAlgorithmIDs\":" + algs + "}",
          "supportedAlgorithmIDs");
    }
    register.forEach(
        (body, field) ->
            assertEquals(
                "400 Field name '" + field + "' is invalid in JSON input",
                shape(register(body)),
                body));
    Map<String, String> signIn = new LinkedHashMap<>();
    signIn.put("{}", "relyingPartyId");
    signIn.put("{\"relyingPartyId\":\"e.com\"}", "relyingPartyName");
    signIn.put("{\"relyingPartyId\":\"e.com\",\"relyingPartyName\":\"n\"}", "origin");
    signIn.put("{" + PARTY + ",\"userVerification\":5}", "userVerification");
    signIn.forEach(
        (body, field) ->
            assertEquals(
                "400 Field name '" + field + "' is invalid in JSON input",
                shape(signIn(body)),
                body));
    assertEquals("400 Invalid Json Input", shape(register("xx")));
    assertEquals("400 Invalid Json Input", shape(signIn("[]")));
  }

  @Test
  void valuesTooLongForTheirColumnsAreFourHundredsNotFiveHundreds() {
    String longHost = "a".repeat(300) + ".com";
    assertEquals(
        "400 Field name 'relyingPartyId' cannot be longer than 256 characters",
        shape(
            signIn(
                "{\"relyingPartyId\":\""
                    + longHost
                    + "\",\"relyingPartyName\":\"n\",\"origin\":\"https://"
                    + longHost
                    + "\"}")));
    assertEquals(
        "400 Field name 'email' cannot be longer than 256 characters",
        shape(register("{\"email\":\"" + "e".repeat(300) + "@x.com\"," + PARTY + "}")));
    assertEquals(
        "400 Field name 'relyingPartyName' cannot be longer than 256 characters",
        shape(
            register(
                "{\"email\":\"e@x.com\",\"relyingPartyName\":\""
                    + "n".repeat(257)
                    + "\",\"relyingPartyId\":\"example.com\","
                    + "\"origin\":\"https://example.com\"}")));
  }

  @Test
  void theTenantIsLookedUpWhereTheOriginalLooksItUp() {
    String missing =
        "400 AppId or tenantId not found => Tenant with the following connectionURIDomain, appId"
            + " and tenantId combination not found: (, public, nope)";
    // The body is read first for the options, the tenant first for the rest.
    assertEquals(
        "400 Invalid Json Input",
        shape(calls.post("5.4", "/nope/recipe/webauthn/options/register", "x")));
    assertEquals(
        "400 Invalid Json Input",
        shape(calls.post("5.4", "/nope/recipe/webauthn/options/signin", "x")));
    assertEquals(
        "400 Invalid Json Input", shape(calls.post("5.4", "/nope/recipe/webauthn/signin", "x")));
    assertEquals(
        "400 Invalid Json Input",
        shape(calls.post("5.4", "/nope/recipe/webauthn/user/recover/token", "x")));
    assertEquals(missing, shape(calls.post("5.4", "/nope/recipe/webauthn/options/register", "{}")));
    assertEquals(missing, shape(calls.post("5.4", "/nope/recipe/webauthn/signup", "x")));
    assertEquals(
        missing, shape(calls.post("5.4", "/nope/recipe/webauthn/user/credential/register", "x")));
    assertEquals(
        missing, shape(calls.post("5.4", "/nope/recipe/webauthn/user/recover/token/consume", "x")));
    assertEquals(missing, shape(calls.put("5.4", "/nope/recipe/webauthn/user/email", "x")));
    assertEquals(missing, shape(calls.get("5.4", "/nope/recipe/webauthn/options")));
    assertEquals(missing, shape(calls.get("5.4", "/nope/recipe/webauthn/user/credential")));
    assertEquals(missing, shape(calls.get("5.4", "/nope/recipe/webauthn/user/credential/list")));
    assertEquals(missing, shape(calls.delete("5.4", "/nope/recipe/webauthn/options/remove")));
    assertEquals(
        missing, shape(calls.delete("5.4", "/nope/recipe/webauthn/user/credential/remove")));
    // The token is read before the tenant, the recover token's fields too.
    assertEquals(
        "400 Field name 'token' is missing in GET request",
        shape(calls.get("5.4", "/nope/recipe/webauthn/user/recover")));
    assertEquals(
        "400 Field name 'userId' is invalid in JSON input",
        shape(calls.post("5.4", "/nope/recipe/webauthn/user/recover/token", "{\"email\":\"e\"}")));
    assertEquals(missing, shape(calls.get("5.4", "/nope/recipe/webauthn/user/recover?token=x")));
    // Clients older than tenants reach no endpoint through a tenant.
    assertEquals(
        "404 Not found", shape(calls.post("2.21", "/t1/recipe/webauthn/options/signin", "{}")));
  }

  @Test
  void everyCdiVersionIsServed() {
    for (String v : CdiVersion.wireNames()) {
      Reply r = calls.post(v, "/recipe/webauthn/options/signin", "{" + PARTY + "}");
      assertEquals("OK", r.json().get("status").asText(), v);
      Reply t =
          calls.post(
              v, "/t1/recipe/webauthn/options/register", "{\"email\":\"v@x.com\"," + PARTY + "}");
      assertEquals(
          CdiVersion.exactly(v).orElseThrow().below(CdiVersion.V3_0) ? 404 : 200, t.status(), v);
    }
  }

  @Test
  void optionsAreReadAndRemovedInTheirTenantOnly() {
    String inT1 = id(calls.registerOptions("/t1", "t@x.com", ""));
    assertEquals("200 {\"status\":\"OPTIONS_NOT_FOUND_ERROR\"}", shape(calls.options("", inT1)));
    assertEquals("OK", calls.options("/t1", inT1).json().get("status").asText());
    assertEquals(
        "200 {\"status\":\"OPTIONS_NOT_FOUND_ERROR\"}",
        shape(
            calls.delete(
                "5.4", "/recipe/webauthn/options/remove?webauthnGeneratedOptionsId=" + inT1)));
    assertEquals(
        "200 {\"status\":\"OK\"}",
        shape(
            calls.delete(
                "5.4", "/t1/recipe/webauthn/options/remove?webauthnGeneratedOptionsId=" + inT1)));
    assertEquals(
        "200 {\"status\":\"OPTIONS_NOT_FOUND_ERROR\"}",
        shape(
            calls.delete(
                "5.4", "/t1/recipe/webauthn/options/remove?webauthnGeneratedOptionsId=" + inT1)));
    assertEquals("200 {\"status\":\"OPTIONS_NOT_FOUND_ERROR\"}", shape(calls.options("/t1", inT1)));
    assertEquals(
        "400 Field name 'webauthnGeneratedOptionsId' is missing in GET request",
        shape(calls.get("5.4", "/recipe/webauthn/options")));
    assertEquals(
        "400 Field name 'webauthnGeneratedOptionsId' is missing in GET request",
        shape(calls.delete("5.4", "/recipe/webauthn/options/remove")));
  }
}
