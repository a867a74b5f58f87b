package io.authcore.recipe.webauthn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Json;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.support.webauthn.Ceremony;
import io.authcore.support.webauthn.SoftwareAuthenticator;
import java.util.function.UnaryOperator;

/**
 * The WebAuthn endpoints as a backend SDK calls them, with a software passkey answering the
 * ceremonies. Paths take a tenant prefix ({@code ""} for the public tenant, {@code "/t1"}).
 */
final class WebAuthnCalls {
  static final String RP_ID = "example.com";
  static final String ORIGIN = "https://example.com";
  static final String PARTY =
      "\"relyingPartyId\":\""
          + RP_ID
          + "\",\"relyingPartyName\":\"Example\",\"origin\":\""
          + ORIGIN
          + "\"";

  private final Http http;

  WebAuthnCalls(Http http) {
    this.http = http;
  }

  static String[] cdi(String version) {
    return new String[] {"cdi-version", version, "content-type", "application/json"};
  }

  /** Status code and body, without the trailing newline. */
  static String shape(Reply reply) {
    return reply.status() + " " + reply.body().strip();
  }

  Reply post(String version, String path, String body) {
    return http.post(path, body, cdi(version));
  }

  Reply get(String version, String path) {
    return http.get(path, cdi(version));
  }

  Reply delete(String version, String path) {
    return http.delete(path, cdi(version));
  }

  Reply put(String version, String path, String body) {
    return http.put(path, body, cdi(version));
  }

  /** Register options for {@code email} with a long timeout; {@code extra} starts with a comma. */
  JsonNode registerOptions(String tenant, String email, String extra) {
    Reply r =
        post(
            "5.4",
            tenant + "/recipe/webauthn/options/register",
            "{\"email\":\"" + email + "\"," + PARTY + ",\"timeout\":600000" + extra + "}");
    assertEquals(200, r.status(), r.body());
    assertEquals("OK", r.json().get("status").asText(), r.body());
    return r.json();
  }

  JsonNode signInOptions(String tenant, String extra) {
    Reply r =
        post(
            "5.4",
            tenant + "/recipe/webauthn/options/signin",
            "{" + PARTY + ",\"timeout\":600000" + extra + "}");
    assertEquals("OK", r.json().get("status").asText(), r.body());
    return r.json();
  }

  /** A JSON value written in a test. */
  JsonNode object(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Ceremony ceremony(JsonNode options) {
    return Ceremony.of(options.get("challenge").asText(), ORIGIN, RP_ID);
  }

  static String body(String optionsId, JsonNode credential) {
    ObjectNode o = Json.object();
    o.put("webauthnGeneratedOptionsId", optionsId);
    o.set("credential", credential);
    return o.toString();
  }

  static String id(JsonNode options) {
    return options.get("webauthnGeneratedOptionsId").asText();
  }

  Reply signUp(String version, String tenant, String optionsId, JsonNode credential) {
    return post(version, tenant + "/recipe/webauthn/signup", body(optionsId, credential));
  }

  Reply signIn(String version, String tenant, String optionsId, JsonNode credential) {
    return post(version, tenant + "/recipe/webauthn/signin", body(optionsId, credential));
  }

  Reply registerCredential(String version, String recipeUserId, String optionsId, JsonNode cred) {
    ObjectNode o = Json.object();
    o.put("recipeUserId", recipeUserId);
    o.put("webauthnGeneratedOptionsId", optionsId);
    o.set("credential", cred);
    return post(version, "/recipe/webauthn/user/credential/register", o.toString());
  }

  /** Signs a new user up with this passkey; returns the sign-up answer's JSON. */
  JsonNode signUp(String tenant, String email, SoftwareAuthenticator passkey) {
    JsonNode options = registerOptions(tenant, email, "");
    Reply r = signUp("5.4", tenant, id(options), passkey.register(ceremony(options)));
    assertEquals("OK", r.json().get("status").asText(), r.body());
    return r.json();
  }

  /** Signs in with fresh sign-in options ({@code extra} for them), the ceremony as bent. */
  Reply signIn(
      String version,
      String tenant,
      SoftwareAuthenticator passkey,
      String extra,
      UnaryOperator<Ceremony> bend) {
    JsonNode options = signInOptions(tenant, extra);
    return signIn(version, tenant, id(options), passkey.signIn(bend.apply(ceremony(options))));
  }

  Reply signIn(String tenant, SoftwareAuthenticator passkey) {
    return signIn("5.4", tenant, passkey, "", c -> c);
  }

  Reply credentials(String recipeUserId) {
    return get("5.4", "/recipe/webauthn/user/credential/list?recipeUserId=" + recipeUserId);
  }

  Reply options(String tenant, String optionsId) {
    return get("5.4", tenant + "/recipe/webauthn/options?webauthnGeneratedOptionsId=" + optionsId);
  }

  /** Creates a tenant of the public app (at CDI 5.4). */
  void tenant(String tenantId) {
    Reply r =
        http.put(
            "/recipe/multitenancy/tenant/v2", "{\"tenantId\":\"" + tenantId + "\"}", cdi("5.4"));
    assertEquals(200, r.status(), r.body());
  }
}
