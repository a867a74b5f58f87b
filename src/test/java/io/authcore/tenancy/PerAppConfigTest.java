package io.authcore.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http.Reply;
import io.authcore.support.MutableClock;
import io.authcore.support.ServerOnEachBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An app's coreConfig takes effect for the requests of that app, and only of that app. */
class PerAppConfigTest extends ServerOnEachBackend {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final String KEY = "app-key-0123456789-abcdefgh";

  final MutableClock clock = new MutableClock();

  @Override
  protected Clock clock() {
    return clock;
  }

  // Lifetimes are compared exactly: no access_token_validity_jitter.
  @Override
  protected Map<String, String> overrides() {
    return Map.of("access_token_validity_jitter", "0");
  }

  String app(String coreConfig) {
    String id = "cfg-" + UUID.randomUUID().toString().substring(0, 8);
    Reply reply =
        http.put(
            "/recipe/multitenancy/app/v2",
            "{\"appId\":\"" + id + "\",\"coreConfig\":" + coreConfig + "}",
            CDI);
    assertEquals("{\"status\":\"OK\",\"createdNew\":true}\n", reply.body());
    return id;
  }

  JsonNode ok(Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  JsonNode session(String prefix, String... headers) {
    String[] all = new String[CDI.length + headers.length];
    System.arraycopy(CDI, 0, all, 0, CDI.length);
    System.arraycopy(headers, 0, all, CDI.length, headers.length);
    return ok(
        http.post(
            prefix + "/public/recipe/session",
            "{\"userId\":\"u1\",\"userDataInJWT\":{},\"userDataInDatabase\":{},"
                + "\"enableAntiCsrf\":false,\"useDynamicSigningKey\":true}",
            all));
  }

  String verify(String prefix, String accessToken) {
    return ok(http.post(
            prefix + "/recipe/session/verify",
            "{\"accessToken\":\""
                + accessToken
                + "\",\"doAntiCsrfCheck\":false,\"enableAntiCsrf\":false,\"checkDatabase\":false}",
            CDI))
        .get("status")
        .asText();
  }

  @Test
  void anAppsCdiBoundsAreItsOwn() {
    String id =
        app("{\"supertokens_max_cdi_version\":\"3.0\",\"supertokens_min_cdi_version\":\"2.21\"}");
    assertEquals(
        "{\"versions\":[\"2.14\",\"2.13\",\"2.12\",\"2.11\",\"2.10\",\"2.21\",\"2.20\","
            + "\"2.19\",\"2.18\",\"2.17\",\"3.0\",\"2.16\",\"2.15\",\"2.7\",\"2.8\",\"2.9\"]}\n",
        http.get("/appid-" + id + "/apiversion").body());
    Reply tooNew = http.get("/appid-" + id + "/recipe/roles", "cdi-version", "4.0");
    assertEquals(400, tooNew.status());
    assertEquals("cdi-version 4.0 not supported\n", tooNew.body());
    Reply tooOld = http.get("/appid-" + id + "/recipe/roles", "cdi-version", "2.20");
    assertEquals(
        "cdi-version 2.20 is lower than the minimum allowed version 2.21\n", tooOld.body());
    assertEquals(200, http.get("/appid-" + id + "/recipe/roles", "cdi-version", "3.0").status());
    assertEquals(
        200, http.get("/recipe/roles", "cdi-version", "5.6").status(), "not the public app");
  }

  @Test
  void aTwoSecondAccessTokenInOneAppAndTheDefaultInAnother() {
    String shortLived = app("{\"access_token_validity\":2,\"refresh_token_validity\":60}");
    String ordinary = app("{}");

    JsonNode brief = session("/appid-" + shortLived);
    JsonNode normal = session("/appid-" + ordinary);
    JsonNode base = session("");
    long briefLife =
        brief.get("accessToken").get("expiry").asLong()
            - brief.get("accessToken").get("createdTime").asLong();
    assertEquals(2_000, briefLife);
    assertEquals(
        3_600_000,
        normal.get("accessToken").get("expiry").asLong()
            - normal.get("accessToken").get("createdTime").asLong());
    assertEquals(
        3_600_000L,
        brief.get("refreshToken").get("expiry").asLong()
            - brief.get("refreshToken").get("createdTime").asLong(),
        "refresh_token_validity is in minutes");

    clock.advance(Duration.ofSeconds(3));
    assertEquals(
        "TRY_REFRESH_TOKEN",
        verify("/appid-" + shortLived, brief.get("accessToken").get("token").asText()));
    assertEquals(
        "OK", verify("/appid-" + ordinary, normal.get("accessToken").get("token").asText()));
    assertEquals("OK", verify("", base.get("accessToken").get("token").asText()));

    JsonNode refreshed =
        ok(
            http.post(
                "/appid-" + shortLived + "/recipe/session/refresh",
                "{\"refreshToken\":\""
                    + brief.get("refreshToken").get("token").asText()
                    + "\",\"enableAntiCsrf\":false,\"useDynamicSigningKey\":true}",
                CDI));
    assertEquals(
        2_000,
        refreshed.get("accessToken").get("expiry").asLong()
            - refreshed.get("accessToken").get("createdTime").asLong(),
        "a refresh in that app mints a two-second token again");
  }

  @Test
  void apiKeysArePerApp() {
    String keyed = app("{\"api_keys\":\"" + KEY + "\"}");
    String open = app("{}");

    assertEquals(
        401, http.get("/appid-" + keyed + "/public/recipe/multitenancy/tenant/v2", CDI).status());
    assertEquals(
        "Invalid API key\n",
        http.get(
                "/appid-" + keyed + "/public/recipe/multitenancy/tenant/v2",
                "api-key",
                "wrong-key-0123456789")
            .body());
    assertEquals(
        200,
        http.get("/appid-" + keyed + "/public/recipe/multitenancy/tenant/v2", "api-key", KEY)
            .status());
    assertEquals(
        200,
        http.get(
                "/appid-" + keyed + "/unknown-tenant/recipe/multitenancy/tenant/v2",
                "Authorization",
                "Bearer " + KEY)
            .status());
    assertEquals(
        401,
        http.get("/appid-" + keyed + "/unknown-tenant/recipe/multitenancy/tenant/v2").status(),
        "an unknown tenant segment does not skip the app's key");
    assertEquals(
        200, http.get("/appid-" + open + "/public/recipe/multitenancy/tenant/v2").status());
    assertEquals(200, http.get("/public/recipe/multitenancy/tenant/v2").status());
    assertEquals(
        200,
        http.get("/appid-" + keyed + "/.well-known/jwks.json").status(),
        "the JWKS needs no key");

    // The SDK's test tooling removes the key of an app this way before deleting it.
    assertEquals(
        200,
        http.put(
                "/recipe/multitenancy/app/v2",
                "{\"appId\":\"" + keyed + "\",\"coreConfig\":{\"api_keys\":null}}",
                CDI)
            .status());
    assertEquals(
        200, http.get("/appid-" + keyed + "/public/recipe/multitenancy/tenant/v2").status());
  }

  @Test
  void theKeyRotationIntervalIsPerApp() {
    String fast = app("{\"access_token_dynamic_signing_key_update_interval\":2}");
    long fastAge = maxAge("/appid-" + fast);
    long defaultAge = maxAge("");
    assertTrue(fastAge <= 2 * 3600 - 60 && fastAge > 2 * 3600 - 120, "max-age " + fastAge);
    assertTrue(defaultAge > 24 * 3600, "max-age " + defaultAge);
    assertEquals(
        "{\"access_token_dynamic_signing_key_update_interval\":2}",
        ok(http.get("/appid-" + fast + "/public/recipe/multitenancy/tenant/v2", CDI))
            .get("coreConfig")
            .toString());
  }

  long maxAge(String prefix) {
    Reply jwks = http.get(prefix + "/.well-known/jwks.json");
    assertEquals(200, jwks.status());
    String header = jwks.headers().get("cache-control");
    return Long.parseLong(header.substring("max-age=".length(), header.indexOf(',')));
  }
}
