package io.authcore.recipe.bulkimport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.http.Json;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.support.webauthn.SoftwareAuthenticator;
import java.util.List;
import java.util.UUID;

/** The bulk-import endpoints as a client calls them, and users to queue. */
final class BulkCalls {
  /** The password of the hashes below (from the original's own import tests). */
  static final String PASSWORD = "testPass123";

  static final String BCRYPT = "$2a$10$S6bOFset3wCUcgNGSBgFxOHBIopaiPEK53YFNalvmiPcOodCK2Ehq";

  /** The password of {@link #ARGON2}. */
  static final String ARGON2_PASSWORD = "newTestPass123";

  static final String ARGON2 =
      "$argon2id$v=19$m=16,t=2,p=1$V2hkNUdjQnAxTXZScGRjOQ$UxJn6d+dRB0hOe7FX/Qv+Q";

  /** The signer key of {@link #FIREBASE}. */
  static final String FIREBASE_KEY =
      "gRhC3eDeQOdyEn4bMd9c6kxguWVmcIVq/SKa0JDPFeM6TcEevkaW56sIWfx88OHbJKnCXdWscZx0l2WbCJ1wbg==";

  static final String FIREBASE =
      "$f_scrypt$qZM035es5AXYqavsKD6/rhtxg7t5PhcyRgv5blc3doYbChX8keMfQLq1ra96O2Pf2TP/eZrR5xtPCYN6mX3ESA=="
          + "$/cj0jC1br5o4+w==$m=14$r=8$s=Bw==";

  /** At cost 15, one over the bound Authcore verifies (about 3 s a check). */
  static final String BCRYPT_15 = "$2a$15$ZxsqodovqPUzY4KoWEj4xeASEj2R1RAgXW4//d2ITbE7yGy1izPMe";

  static final String INVALID_FIELDS =
      "Data has missing or invalid fields. Please check the users field for more details.";

  private final Http http;

  BulkCalls(Http http) {
    this.http = http;
  }

  static String[] cdi(String version) {
    return new String[] {"cdi-version", version, "content-type", "application/json"};
  }

  /** A name no other test of the shared server uses. */
  static String fresh(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String users(String... users) {
    return "{\"users\":[" + String.join(",", users) + "]}";
  }

  /** A user with an email-password login method holding the bcrypt hash of "password". */
  static String emailPassword(String email) {
    return "{\"loginMethods\":[" + emailPasswordMethod(email, "") + "]}";
  }

  static String emailPasswordMethod(String email, String more) {
    return "{\"recipeId\":\"emailpassword\",\"email\":\""
        + email
        + "\",\"passwordHash\":\""
        + BCRYPT
        + "\",\"hashingAlgorithm\":\"bcrypt\""
        + more
        + "}";
  }

  static String thirdPartyMethod(String email, String id, String userId, String more) {
    return "{\"recipeId\":\"thirdparty\",\"email\":\""
        + email
        + "\",\"thirdPartyId\":\""
        + id
        + "\",\"thirdPartyUserId\":\""
        + userId
        + "\""
        + more
        + "}";
  }

  static String passwordlessMethod(String field, String value, String more) {
    return "{\"recipeId\":\"passwordless\",\"" + field + "\":\"" + value + "\"" + more + "}";
  }

  /**
   * A WebAuthn login method of relying party {@code rpId} with these passkeys (from {@link
   * #passkey}).
   */
  static String webAuthnMethod(String email, String rpId, String more, String... passkeys) {
    return "{\"recipeId\":\"webauthn\",\"email\":\""
        + email
        + "\",\"rpId\":\""
        + rpId
        + "\",\"credentials\":["
        + String.join(",", passkeys)
        + "]"
        + more
        + "}";
  }

  /** A software passkey as an exporter of another system gives it: id, COSE key and counter. */
  static String passkey(SoftwareAuthenticator key, String more) {
    return "{\"credentialId\":\""
        + key.credentialId()
        + "\",\"publicKey\":\""
        + key.coseKey()
        + "\",\"counter\":"
        + key.counter()
        + more
        + "}";
  }

  /** A user with these login methods (JSON objects) and more top-level fields. */
  static String user(String more, String... methods) {
    return "{"
        + more
        + (more.isEmpty() ? "" : ",")
        + "\"loginMethods\":["
        + String.join(",", methods)
        + "]}";
  }

  Reply add(String body) {
    return add("", body, "5.4");
  }

  Reply add(String prefix, String body, String version) {
    return http.post(prefix + "/bulk-import/users", body, cdi(version));
  }

  /** Queues users that must be accepted; returns the answer's users. */
  JsonNode queue(String prefix, String... users) {
    Reply reply = add(prefix, users(users), "5.4");
    assertEquals(200, reply.status(), reply.body());
    return reply.json().get("users");
  }

  Reply list(String prefix, String query) {
    return http.get(prefix + "/bulk-import/users" + query, cdi("5.4"));
  }

  Reply count(String prefix, String query) {
    return http.get(prefix + "/bulk-import/users/count" + query, cdi("5.4"));
  }

  long countOf(String prefix, String status) {
    Reply reply = count(prefix, status == null ? "" : "?status=" + status);
    assertEquals(200, reply.status(), reply.body());
    return reply.json().get("count").longValue();
  }

  Reply remove(String prefix, String body) {
    return http.post(prefix + "/bulk-import/users/remove", body, cdi("5.4"));
  }

  Reply importNow(String prefix, String body, String version) {
    return http.post(prefix + "/bulk-import/import", body, cdi(version));
  }

  /** A new app of its own, so that its queue holds only what a test put there. */
  String freshApp() {
    String appId = fresh("bulk").replace("-", "");
    Reply reply =
        http.put("/recipe/multitenancy/app/v2", "{\"appId\":\"" + appId + "\"}", cdi("5.4"));
    assertEquals(200, reply.status(), reply.body());
    return "/appid-" + appId;
  }

  /** A tenant of the app, with every login method. */
  void createTenant(String prefix, String tenantId) {
    Reply reply =
        http.put(
            prefix + "/recipe/multitenancy/tenant/v2",
            "{\"tenantId\":\"" + tenantId + "\"}",
            cdi("5.4"));
    assertEquals(200, reply.status(), reply.body());
  }

  void createRole(String prefix, String role) {
    Reply reply = http.put(prefix + "/recipe/role", "{\"role\":\"" + role + "\"}", cdi("5.4"));
    assertEquals(200, reply.status(), reply.body());
  }

  /** The per-index errors of a refused request, as the original words its 400. */
  static String refused(List<String> perIndex) {
    return "{\"error\":\"" + INVALID_FIELDS + "\",\"users\":[" + String.join(",", perIndex) + "]}";
  }

  static String errorsAt(int index, String... errors) {
    StringBuilder out = new StringBuilder("{\"index\":" + index + ",\"errors\":[");
    for (int i = 0; i < errors.length; i++) {
      out.append(i == 0 ? "" : ",").append(Json.write(errors[i]));
    }
    return out.append("]}").toString();
  }
}
