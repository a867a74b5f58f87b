package io.authcore.recipe.license;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Backend;
import io.authcore.support.Http;
import io.authcore.support.TestServer;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** /ee/license works offline, per app; /ee/featureflag lists every feature with or without one. */
@ParameterizedClass
@EnumSource(Backend.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicenseApiTest {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final String ALL_FEATURES =
      "[\"account_linking\",\"multi_tenancy\",\"test\",\"dashboard_login\",\"mfa\",\"security\","
          + "\"oauth\",\"saml\"]";

  @Parameter Backend backend;

  TestServer server;
  Http http;

  @BeforeParameterizedClassInvocation
  void start(Backend backend) {
    server = TestServer.start(backend, Map.of(), Clock.systemUTC());
    http = server.http();
    http.put("/recipe/multitenancy/app/v2", "{\"appId\":\"other\"}", CDI);
    http.put("/appid-other/recipe/multitenancy/tenant/v2", "{\"tenantId\":\"t1\"}", CDI);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    server.close();
  }

  @Test
  void aKeyIsStoredReturnedAndRemovedWithoutAnyNetwork() {
    assertEquals(
        "{\"status\":\"NO_LICENSE_KEY_FOUND_ERROR\"}\n", http.get("/ee/license", CDI).body());
    assertEquals(
        "{\"status\":\"OK\"}\n",
        http.put("/ee/license", "{\"licenseKey\":\"opaque-key=1\"}", CDI).body());
    assertEquals(
        "{\"licenseKey\":\"opaque-key=1\",\"status\":\"OK\"}\n",
        http.get("/ee/license", CDI).body());
    assertEquals(
        "{\"status\":\"NO_LICENSE_KEY_FOUND_ERROR\"}\n",
        http.get("/appid-other/ee/license", CDI).body(),
        "each app has its own key");
    assertEquals("{\"status\":\"OK\"}\n", http.put("/ee/license", "{}", CDI).body(), "a re-sync");
    assertEquals("{\"status\":\"OK\"}\n", http.delete("/ee/license", CDI).body());
    assertEquals(
        "{\"status\":\"NO_LICENSE_KEY_FOUND_ERROR\"}\n", http.get("/ee/license", CDI).body());
    assertEquals("{\"status\":\"OK\"}\n", http.delete("/ee/license", CDI).body(), "idempotent");
  }

  @Test
  void badInputsAndTenantsGetTheOriginalsTexts() {
    assertEquals(
        "Field name 'licenseKey' is missing in JSON input\n",
        http.put("/ee/license", "{\"key\":\"x\"}", CDI).body());
    assertEquals(
        "Field name 'licenseKey' is invalid in JSON input\n",
        http.put("/ee/license", "{\"licenseKey\":5}", CDI).body());
    for (String request : new String[] {"GET", "PUT", "DELETE"}) {
      var reply =
          http.send(
              request,
              "/appid-other/t1/ee/license",
              request.equals("PUT") ? "{\"licenseKey\":\"k\"}" : null,
              CDI);
      assertEquals(403, reply.status(), request);
      assertEquals("Only public tenantId can call this app specific API\n", reply.body());
    }
    var missing = http.get("/appid-nope/ee/license", CDI);
    assertEquals(400, missing.status());
    assertEquals(
        "AppId or tenantId not found => Tenant with the following connectionURIDomain, appId and"
            + " tenantId combination not found: (, nope, public)\n",
        missing.body());
  }

  @Test
  void everyFeatureIsEnabledInEveryApp() {
    StringBuilder zeros = new StringBuilder("0");
    for (int i = 1; i < 31; i++) {
      zeros.append(",0");
    }
    String expected =
        "{\"features\":"
            + ALL_FEATURES
            + ",\"usageStats\":{\"maus\":["
            + zeros
            + "]},\"status\":\"OK\"}\n";
    assertEquals(expected, http.get("/ee/featureflag", CDI).body());
    assertEquals(expected, http.get("/appid-other/ee/featureflag", CDI).body());
    http.put("/ee/license", "{\"licenseKey\":\"anything\"}", CDI);
    assertEquals(expected, http.get("/ee/featureflag", CDI).body(), "a key changes nothing");
    assertEquals(403, http.get("/appid-other/t1/ee/featureflag", CDI).status());
  }
}
