package io.authcore.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import org.junit.jupiter.api.Test;

/** An app's abuse settings through the multitenancy API: bad values get 400 and change nothing. */
class AbuseSettingsApiTest extends ServerOnEachBackend {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final String APPS = "/recipe/multitenancy/app/v2";

  private Reply putApp(String coreConfig) {
    return http.put(APPS, "{\"appId\":\"limits-app\",\"coreConfig\":" + coreConfig + "}", CDI);
  }

  private static void assertRefused(String message, Reply reply) {
    assertEquals(400, reply.status(), reply.body());
    assertEquals("Invalid core config: " + message + "\n", reply.body());
    assertEquals("text/html;charset=UTF-8", reply.contentType());
  }

  @Test
  void aBadLimitOrWindowIsRefusedAndTheAppKeepsItsSettings() {
    Reply created = putApp("{\"abuse_sign_in_failures_per_account\":3}");
    assertEquals(200, created.status(), created.body());

    assertRefused(
        "'abuse_sign_in_failures_per_account' must be >= 0",
        putApp("{\"abuse_sign_in_failures_per_account\":-1}"));
    assertRefused(
        "'abuse_sign_ups_per_ip' must be of type int", putApp("{\"abuse_sign_ups_per_ip\":\"x\"}"));
    assertRefused("'abuse_window_seconds' must be > 0", putApp("{\"abuse_window_seconds\":0}"));

    Reply tenant = http.get("/appid-limits-app/public/recipe/multitenancy/tenant/v2", CDI);
    assertEquals(200, tenant.status(), tenant.body());
    assertEquals(
        "{\"abuse_sign_in_failures_per_account\":3}",
        tenant.json().get("coreConfig").toString(),
        "a refused update wrote nothing");
  }
}
