package io.authcore.recipe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http.Reply;
import io.authcore.support.MutableClock;
import io.authcore.support.ServerOnEachBackend;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The app-wide endpoints that hold no user data ({@code /telemetry}, {@code /requests/stats}, the
 * license, {@code /user/search/tags}) at each CDI version, as the original answers them.
 */
class InfoEndpointsTest extends ServerOnEachBackend {
  // On a minute boundary, so that the requests of a test share one minute.
  final MutableClock clock = new MutableClock(1_800_000_000_000L - 1_800_000_000_000L % 60_000);

  @Override
  protected Clock clock() {
    return clock;
  }

  static String[] cdi(String version) {
    return new String[] {"cdi-version", version};
  }

  String answer(Reply reply) {
    return reply.status() + " " + reply.contentType() + " " + reply.body();
  }

  void tenant(String name) {
    Reply reply =
        http.put("/recipe/multitenancy/tenant/v2", "{\"tenantId\":\"" + name + "\"}", cdi("5.4"));
    assertEquals(200, reply.status(), reply.body());
  }

  static final String JSON = "application/json;charset=UTF-8";
  static final String FORBIDDEN =
      "403 text/html;charset=UTF-8 Only public tenantId can call this app specific API\n";

  @Test
  void telemetryHasNoIdAndIsAppWide() {
    tenant("tel");
    for (String v : new String[] {"2.7", "4.0", "5.4", "5.6"}) {
      assertEquals("200 " + JSON + " {\"exists\":false}\n", answer(http.get("/telemetry", cdi(v))));
    }
    assertEquals(
        "200 " + JSON + " {\"exists\":false}\n", answer(http.get("/tel/telemetry", cdi("4.0"))));
    // From 5.0 the public-tenant rule comes first, even for a tenant that does not exist.
    assertEquals(FORBIDDEN, answer(http.get("/tel/telemetry", cdi("5.0"))));
    assertEquals(FORBIDDEN, answer(http.get("/no-such/telemetry", cdi("5.4"))));
    assertEquals(
        "400 text/html;charset=UTF-8 AppId or tenantId not found => Tenant with the following"
            + " connectionURIDomain, appId and tenantId combination not found: (, no-such,"
            + " public)\n",
        answer(http.get("/appid-no-such/telemetry", cdi("5.4"))));
  }

  @Test
  void requestStatsCountTheAppsRequestsPerMinute() {
    clock.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) {
      http.get("/apiversion", cdi("5.4"));
    }
    clock.advance(Duration.ofMinutes(1));
    Reply reply = http.get("/requests/stats", cdi("5.4"));
    JsonNode stats = reply.json();
    assertEquals(
        "[\"atMinute\",\"averageRequestsPerSecond\",\"peakRequestsPerSecond\",\"status\"]",
        fieldNames(stats));
    assertEquals(clock.millis() / 60_000, stats.get("atMinute").asLong());
    assertEquals(1440, stats.get("averageRequestsPerSecond").size());
    assertEquals(1440, stats.get("peakRequestsPerSecond").size());
    // Oldest minute first: the last finished minute is last, and minutes this process never saw
    // are -1.
    assertTrue(reply.body().contains("[-1.0,-1.0,"), reply.body());
    assertTrue(reply.body().contains(",0.05],\"peakRequestsPerSecond\":[-1,-1,"), reply.body());
    assertTrue(reply.body().endsWith(",3],\"status\":\"OK\"}\n"), reply.body());

    // The stats request itself was counted; a minute without requests is 0.
    clock.advance(Duration.ofMinutes(2));
    String body = http.get("/requests/stats", cdi("2.7")).body();
    assertTrue(body.contains(",0.016666666666666666,0.0],\"peakRequestsPerSecond\""), body);
    assertTrue(body.endsWith(",1,0],\"status\":\"OK\"}\n"), body);

    tenant("stats");
    assertEquals(200, http.get("/stats/requests/stats", cdi("4.0")).status());
    assertEquals(FORBIDDEN, answer(http.get("/stats/requests/stats", cdi("5.0"))));
  }

  static String fieldNames(JsonNode node) {
    StringBuilder out = new StringBuilder("[");
    node.fieldNames()
        .forEachRemaining(
            n -> out.append(out.length() > 1 ? "," : "").append('"').append(n).append('"'));
    return out.append(']').toString();
  }

  @Test
  void searchTagsAnswerForAnyTenantOrApp() {
    String tags =
        "200 " + JSON + " {\"status\":\"OK\",\"tags\":[\"email\",\"phone\",\"provider\"]}\n";
    assertEquals(tags, answer(http.get("/user/search/tags", cdi("2.7"))));
    assertEquals(tags, answer(http.get("/no-such/user/search/tags", cdi("5.4"))));
    assertEquals(tags, answer(http.get("/appid-no-such/user/search/tags", cdi("3.0"))));
    // Below 3.0 a tenant in the path is not found, as for every endpoint.
    assertEquals(
        "404 text/html;charset=UTF-8 Not found\n",
        answer(http.get("/no-such/user/search/tags", cdi("2.21"))));
  }

  @Test
  void theLicenseIsAppWideFromAnyTenantBeforeCdi5() {
    tenant("lic");
    assertEquals(
        "200 " + JSON + " {\"status\":\"NO_LICENSE_KEY_FOUND_ERROR\"}\n",
        answer(http.get("/lic/ee/license", cdi("4.0"))));
    assertEquals(200, http.get("/lic/ee/featureflag", cdi("3.0")).status());
    assertEquals(FORBIDDEN, answer(http.get("/lic/ee/license", cdi("5.0"))));
    assertEquals(FORBIDDEN, answer(http.get("/lic/ee/featureflag", cdi("5.0"))));
  }
}
