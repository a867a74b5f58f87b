package io.authcore.recipe.multitenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import org.junit.jupiter.api.Test;

/**
 * The deprecated v1 reads of tenants (what supertokens-node 15 to 18 call), as the original 11.4.7
 * shows tenants made through v2: recipe switches read from the factors as 4.0 read them, and from
 * 5.0 as 5.0 read them, with the factors themselves.
 */
class TenantV1ReadsTest extends ServerOnEachBackend {
  static final String MT = "/recipe/multitenancy";
  static final String ALL_ON =
      "\"emailPassword\":{\"enabled\":true},\"thirdParty\":{\"enabled\":true,\"providers\":[]},"
          + "\"passwordless\":{\"enabled\":true},";
  static final String ALL_OFF =
      "\"emailPassword\":{\"enabled\":false},\"thirdParty\":{\"enabled\":false,\"providers\":[]},"
          + "\"passwordless\":{\"enabled\":false},";

  static String[] cdi(String version) {
    return new String[] {"cdi-version", version};
  }

  void tenant(String body) {
    Reply reply = http.put(MT + "/tenant/v2", body, cdi("5.4"));
    assertEquals(200, reply.status(), reply.body());
  }

  String get(String tenant, String version) {
    Reply reply = http.get("/" + tenant + MT + "/tenant", cdi(version));
    assertEquals(200, reply.status(), reply.body());
    return reply.body();
  }

  @Test
  void tenantsShowRecipeSwitchesAsEachVersionReadThem() {
    tenant("{\"tenantId\":\"v1-none\"}");
    tenant(
        "{\"tenantId\":\"v1-ep\",\"firstFactors\":[\"emailpassword\"],"
            + "\"requiredSecondaryFactors\":[\"totp\"],\"coreConfig\":{\"password_reset_token_lifetime\":1000}}");
    for (String v : new String[] {"3.0", "4.0", "5.0", "5.4"}) {
      assertEquals(
          "{\"tenantId\":\"public\"," + ALL_ON + "\"coreConfig\":{},\"status\":\"OK\"}\n",
          get("public", v),
          v);
      // No factor allowed: every switch shows off, and 5.0 leaves the empty list out.
      assertEquals(
          "{\"tenantId\":\"v1-none\"," + ALL_OFF + "\"coreConfig\":{},\"status\":\"OK\"}\n",
          get("v1-none", v),
          v);
    }
    String core = "\"coreConfig\":{\"password_reset_token_lifetime\":1000}";
    assertEquals(
        "{\"tenantId\":\"v1-ep\",\"emailPassword\":{\"enabled\":true},"
            + "\"thirdParty\":{\"enabled\":false,\"providers\":[]},"
            + "\"passwordless\":{\"enabled\":false},"
            + core
            + ",\"status\":\"OK\"}\n",
        get("v1-ep", "4.0"));
    assertEquals(
        "{\"tenantId\":\"v1-ep\","
            + ALL_ON
            + "\"firstFactors\":[\"emailpassword\"],\"requiredSecondaryFactors\":[\"totp\"],"
            + core
            + ",\"status\":\"OK\"}\n",
        get("v1-ep", "5.0"));
    assertEquals(
        "{\"status\":\"TENANT_NOT_FOUND_ERROR\"}\n",
        http.get("/no-such" + MT + "/tenant", cdi("5.0")).body());
  }

  @Test
  void listsShowTenantsTheSameWay() {
    tenant("{\"tenantId\":\"v1-listed\"}");
    String listed = "{\"tenantId\":\"v1-listed\"," + ALL_OFF + "\"coreConfig\":{}}";
    String publicTenant = "{\"tenantId\":\"public\"," + ALL_ON + "\"coreConfig\":{}}";
    for (String v : new String[] {"2.21", "4.0", "5.0"}) {
      String tenants = http.get(MT + "/tenant/list", cdi(v)).json().get("tenants").toString();
      assertEquals(true, tenants.startsWith("[" + publicTenant + ","), tenants);
      assertEquals(true, tenants.contains(listed), tenants);
      String apps = http.get(MT + "/app/list", cdi(v)).body();
      assertEquals(
          true,
          apps.startsWith(
              "{\"status\":\"OK\",\"apps\":[{\"appId\":\"public\",\"tenants\":[" + publicTenant),
          apps);
      String domains = http.get(MT + "/connectionuridomain/list", cdi(v)).body();
      assertEquals(
          true,
          domains.startsWith(
              "{\"status\":\"OK\",\"connectionUriDomains\":[{\"connectionUriDomain\":\"\",\"apps\":[{\"appId\":\"public\",\"tenants\":["
                  + publicTenant),
          domains);
    }
  }
}
