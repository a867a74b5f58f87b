package io.authcore.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.support.Backend;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.support.TestDatabases;
import io.authcore.support.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Removing an app leaves no row of it in any table of the deployment document, and no row of the
 * apps beside it is touched.
 */
class AppRemovalTest {
  static final String[] CDI = {"cdi-version", "5.4"};

  static void ok(Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    assertEquals("OK", reply.json().get("status").asText(), reply.body());
  }

  /** Fills an app with a bit of everything Authcore can write today. */
  static void populate(Http http, String app) {
    String p = "/appid-" + app;
    ok(http.put("/recipe/multitenancy/app/v2", "{\"appId\":\"" + app + "\"}", CDI));
    ok(
        http.put(
            p + "/recipe/multitenancy/tenant/v2",
            "{\"tenantId\":\"t1\",\"firstFactors\":[\"emailpassword\"]}",
            CDI));
    ok(
        http.put(
            p + "/t1/recipe/multitenancy/config/thirdparty",
            "{\"config\":{\"thirdPartyId\":\"google\",\"clients\":[{\"clientId\":\"c\","
                + "\"scope\":[\"email\"]}]}}",
            CDI));
    Reply signUp =
        http.post(
            p + "/t1/recipe/signup", "{\"email\":\"a@b.c\",\"password\":\"pass-word-1\"}", CDI);
    ok(signUp);
    String userId = signUp.json().get("user").get("id").asText();
    ok(
        http.post(
            p + "/recipe/userid/map",
            "{\"superTokensUserId\":\"" + userId + "\",\"externalUserId\":\"ext-" + app + "\"}",
            CDI));
    ok(
        http.post(
            p + "/t1/recipe/session",
            "{\"userId\":\""
                + userId
                + "\",\"userDataInJWT\":{},\"userDataInDatabase\":{},"
                + "\"enableAntiCsrf\":false}",
            CDI));
    ok(http.put(p + "/recipe/role", "{\"role\":\"admin\",\"permissions\":[\"all\"]}", CDI));
    ok(
        http.put(
            p + "/t1/recipe/user/role", "{\"userId\":\"" + userId + "\",\"role\":\"admin\"}", CDI));
    ok(
        http.put(
            p + "/recipe/user/metadata",
            "{\"userId\":\"" + userId + "\",\"metadataUpdate\":{\"k\":1}}",
            CDI));
    ok(
        http.post(
            p + "/t1/recipe/user/email/verify/token",
            "{\"userId\":\"" + userId + "\",\"email\":\"a@b.c\"}",
            CDI));
    ok(http.put(p + "/ee/license", "{\"licenseKey\":\"k\"}", CDI));
    ok(
        http.post(
            p + "/recipe/jwt",
            "{\"payload\":{},\"algorithm\":\"RS256\",\"jwksDomain\":\"x\","
                + "\"validity\":100,\"useStaticSigningKey\":false}",
            CDI));
  }

  /** Rows per table that name this app, over every table with an app_id column. */
  static Map<String, Integer> rowsOf(DataSource db, String app) throws SQLException {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    try (Connection c = db.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public'"
                      + " AND column_name = 'app_id'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM " + table + " WHERE app_id = ?")) {
          s.setString(1, app);
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            if (rs.getInt(1) > 0) {
              counts.put(table, rs.getInt(1));
            }
          }
        }
      }
    }
    return counts;
  }

  @Test
  void removingAnAppLeavesNoRowOfItAndTouchesNoOtherApp() throws SQLException {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    try (TestServer server = TestServer.onDatabase(db, Map.of(), Clock.systemUTC())) {
      Http http = server.http();
      populate(http, "doomed");
      populate(http, "kept");
      DataSource data = TestDatabases.dataSource(db);
      Map<String, Integer> before = rowsOf(data, "doomed");
      assertTrue(
          before
              .keySet()
              .containsAll(
                  List.of(
                      "apps",
                      "tenants",
                      "tenant_configs",
                      "emailpassword_users",
                      "session_info",
                      "user_roles",
                      "user_metadata",
                      "key_value",
                      "session_access_token_signing_keys",
                      "jwt_signing_keys",
                      "userid_mapping",
                      "tenant_thirdparty_provider_clients",
                      "emailverification_tokens")),
          before.toString());
      Map<String, Integer> kept = rowsOf(data, "kept");
      assertEquals(before, kept, "both apps hold the same kinds of rows");

      ok(
          http.post(
              "/appid-doomed/recipe/multitenancy/tenant/remove", "{\"tenantId\":\"t1\"}", CDI));
      ok(http.post("/recipe/multitenancy/app/remove", "{\"appId\":\"doomed\"}", CDI));

      assertEquals(Map.of(), rowsOf(data, "doomed"));
      assertEquals(kept, rowsOf(data, "kept"));
    }
  }
}
