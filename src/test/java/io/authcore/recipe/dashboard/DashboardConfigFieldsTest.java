package io.authcore.recipe.dashboard;

import static io.authcore.recipe.dashboard.DashboardCalls.assertStatus;
import static io.authcore.recipe.dashboard.DashboardCalls.cdi;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Json;
import io.authcore.support.Backend;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /recipe/dashboard/tenant/core-config}: the fields, their order, types, descriptions
 * and defaults as the original 11.4.7 lists them (its answers on its in-memory storage and on
 * PostgreSQL are kept in test resources), with this server's values.
 */
class DashboardConfigFieldsTest extends ServerOnEachBackend {
  static final String PATH = "/recipe/dashboard/tenant/core-config";

  static ArrayNode originals(String name) throws IOException {
    try (InputStream in =
        DashboardConfigFieldsTest.class.getResourceAsStream("/dashboard/" + name + ".json")) {
      return (ArrayNode) Json.MAPPER.readTree(in).get("config");
    }
  }

  /** The original's list, with the values that depend on its machine and config made ours. */
  ArrayNode expected() throws IOException {
    ArrayNode expected = originals("core-config-in-memory");
    int processors = Runtime.getRuntime().availableProcessors();
    field(expected, "bulk_migration_parallelism")
        .put("value", processors)
        .put("defaultValue", processors);
    // The original's runner switches telemetry off; this server keeps the default.
    field(expected, "disable_telemetry").put("value", false);
    if (backend == Backend.POSTGRES) {
      URI uri = URI.create(server.database().get("postgresql_connection_uri"));
      ArrayNode postgres = originals("core-config-postgresql");
      for (int i = expected.size(); i < postgres.size(); i++) {
        expected.add(postgres.get(i));
      }
      // Secrets are never shown (the original shows them): the URI comes without its password.
      String[] userInfo = uri.getUserInfo().split(":", 2);
      String shown =
          userInfo.length == 2
              ? uri.toString().replace(uri.getRawUserInfo() + "@", userInfo[0] + "@")
              : uri.toString();
      field(expected, "postgresql_connection_uri").put("value", shown);
      field(expected, "postgresql_host").put("value", uri.getHost());
      field(expected, "postgresql_port").put("value", uri.getPort());
      field(expected, "postgresql_user").put("value", uri.getUserInfo().split(":")[0]);
      field(expected, "postgresql_password").putNull("value");
      field(expected, "postgresql_database_name").put("value", uri.getPath().substring(1));
    }
    return expected;
  }

  static ObjectNode field(ArrayNode fields, String key) {
    for (JsonNode field : fields) {
      if (field.get("key").textValue().equals(key)) {
        return (ObjectNode) field;
      }
    }
    throw new AssertionError("no field " + key);
  }

  @Test
  void theFieldsAreTheOriginalsAtEveryVersion() throws IOException {
    String expected = "{\"status\":\"OK\",\"config\":" + expected() + "}\n";
    for (String version : new String[] {"2.7", "5.0", "5.1", "5.4"}) {
      Reply reply = http.get(PATH, cdi(version));
      assertEquals(200, reply.status(), reply.body());
      assertEquals(expected, reply.body());
    }
  }

  @Test
  void aTenantSeesItsOwnValues() throws IOException {
    String tenant = "cfg" + UUID.randomUUID().toString().substring(0, 8);
    Reply created =
        http.put(
            "/recipe/multitenancy/tenant/v2",
            "{\"tenantId\":\""
                + tenant
                + "\",\"coreConfig\":{\"passwordless_code_lifetime\":1000}}",
            cdi("5.4"));
    assertEquals(200, created.status(), created.body());
    ArrayNode expected = expected();
    field(expected, "passwordless_code_lifetime").put("value", 1000);
    assertEquals(
        "{\"status\":\"OK\",\"config\":" + expected + "}\n",
        http.get("/" + tenant + PATH, cdi("5.4")).body());
    assertStatus(404, "Not found", http.get("/" + tenant + PATH, cdi("2.21")));
    assertStatus(
        400,
        "AppId or tenantId not found => Tenant with the following connectionURIDomain, appId and"
            + " tenantId combination not found: (, public, nope)",
        http.get("/nope" + PATH, cdi("5.4")));
  }

  @Test
  void secretsAreListedWithoutTheirValues() throws IOException {
    String app = "cfgapp" + UUID.randomUUID().toString().substring(0, 8);
    Reply created =
        http.put(
            "/recipe/multitenancy/app/v2",
            "{\"appId\":\""
                + app
                + "\",\"coreConfig\":{\"firebase_password_hashing_signer_key\":\"c2VjcmV0\"}}",
            cdi("5.4"));
    assertEquals(200, created.status(), created.body());
    Reply listed = http.get("/appid-" + app + PATH, cdi("5.4"));
    assertEquals(200, listed.status(), listed.body());
    JsonNode fields = Json.MAPPER.readTree(listed.body()).get("config");
    assertEquals(
        Json.MAPPER.nullNode(),
        field((ArrayNode) fields, "firebase_password_hashing_signer_key").get("value"));
    assertEquals(false, listed.body().contains("c2VjcmV0"), listed.body());
    if (backend == Backend.POSTGRES) {
      assertEquals(
          Json.MAPPER.nullNode(), field((ArrayNode) fields, "postgresql_password").get("value"));
    }
  }
}
