package io.authcore.recipe.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Backend;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.support.TestDatabases;
import io.authcore.support.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Role definitions are the app's, assignments the tenant's. Tenants are written into PostgreSQL
 * directly (the in-memory database is private to its server), as the original's multitenancy API
 * leaves them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolesPerTenantTest {
  static final String[] CDI = {"cdi-version", "5.4"};

  Map<String, String> db;
  TestServer server;
  Http http;

  @BeforeAll
  void start() {
    db = TestDatabases.fresh(Backend.POSTGRES);
    server = TestServer.onDatabase(db, Map.of(), Clock.systemUTC());
    http = server.http();
    for (String tenant : new String[] {"t1", "t2"}) {
      TestDatabases.execute(
          db,
          "INSERT INTO tenant_configs VALUES ('', 'public', '"
              + tenant
              + "', '{}', true, true, true, true)",
          "INSERT INTO tenants VALUES ('public', '" + tenant + "', 1)");
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  Reply assign(String tenant, String userId, String role) {
    return http.put(
        "/" + tenant + "/recipe/user/role",
        "{\"userId\":\"" + userId + "\",\"role\":\"" + role + "\"}",
        CDI);
  }

  String rolesOf(String tenant, String userId) {
    return http.get("/" + tenant + "/recipe/user/roles?userId=" + userId, CDI).text();
  }

  long count(String sql) throws SQLException {
    try (Connection c = TestDatabases.dataSource(db).getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aRoleOfTheAppIsGivenPerTenantAndDeletedEverywhere() throws SQLException {
    http.put("/recipe/role", "{\"role\":\"r1\",\"permissions\":[\"p\"]}", CDI);
    http.put("/recipe/role", "{\"role\":\"r2\"}", CDI);

    assertEquals(
        "{\"status\":\"OK\",\"didUserAlreadyHaveRole\":false}", assign("t1", "u", "r1").text());
    assertEquals(
        "{\"status\":\"OK\",\"didUserAlreadyHaveRole\":false}", assign("t2", "u", "r1").text());
    assertEquals(
        "{\"status\":\"OK\",\"didUserAlreadyHaveRole\":false}", assign("t2", "u", "r2").text());
    assertEquals("{\"roles\":[\"r1\"],\"status\":\"OK\"}", rolesOf("t1", "u"));
    assertEquals("{\"roles\":[\"r1\",\"r2\"],\"status\":\"OK\"}", rolesOf("t2", "u"));
    assertEquals("{\"roles\":[],\"status\":\"OK\"}", rolesOf("public", "u"));
    assertEquals(
        "{\"users\":[\"u\"],\"status\":\"OK\"}",
        http.get("/t1/recipe/role/users?role=r1", CDI).text());
    assertEquals(
        "{\"users\":[],\"status\":\"OK\"}", http.get("/t1/recipe/role/users?role=r2", CDI).text());

    assertEquals(
        "{\"status\":\"OK\",\"didUserHaveRole\":true}",
        http.post("/t1/recipe/user/role/remove", "{\"userId\":\"u\",\"role\":\"r1\"}", CDI).text());
    assertEquals("{\"roles\":[\"r1\",\"r2\"],\"status\":\"OK\"}", rolesOf("t2", "u"));

    assertEquals(
        "{\"status\":\"OK\",\"didRoleExist\":true}",
        http.post("/recipe/role/remove", "{\"role\":\"r1\"}", CDI).text());
    assertEquals("{\"roles\":[\"r2\"],\"status\":\"OK\"}", rolesOf("t2", "u"));
    assertEquals(0, count("SELECT count(*) FROM user_roles WHERE role = 'r1'"));
    assertEquals(0, count("SELECT count(*) FROM role_permissions WHERE role = 'r1'"));
  }

  @Test
  void rowsAreWrittenAsTheOriginalWritesThem() throws SQLException {
    http.put("/recipe/role", "{\"role\":\"stored\",\"permissions\":[\"read\"]}", CDI);
    assign("t1", "ext-7", "stored");
    http.put("/recipe/user/metadata", "{\"userId\":\"ext-7\",\"metadataUpdate\":{\"a\":[1]}}", CDI);
    assertEquals(
        1, count("SELECT count(*) FROM roles WHERE app_id = 'public' AND role = 'stored'"));
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM role_permissions"
                + " WHERE app_id = 'public' AND role = 'stored' AND permission = 'read'"));
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM user_roles WHERE app_id = 'public' AND tenant_id = 't1'"
                + " AND user_id = 'ext-7' AND role = 'stored'"));
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM user_metadata WHERE app_id = 'public' AND user_id = 'ext-7'"
                + " AND user_metadata = '{\"a\":[1]}'"));
  }

  @Test
  void rowsTheOriginalWroteAreRead() {
    TestDatabases.execute(
        db,
        "INSERT INTO roles VALUES ('public', 'legacy')",
        "INSERT INTO role_permissions VALUES ('public', 'legacy', 'old-perm')",
        "INSERT INTO user_roles VALUES ('public', 't2', 'old-user', 'legacy')",
        "INSERT INTO user_metadata VALUES ('public', 'old-user', '{\"x\":{\"y\":true}}')");
    assertEquals(
        "{\"permissions\":[\"old-perm\"],\"status\":\"OK\"}",
        http.get("/recipe/role/permissions?role=legacy", CDI).text());
    assertEquals("{\"roles\":[\"legacy\"],\"status\":\"OK\"}", rolesOf("t2", "old-user"));
    assertEquals(
        "{\"metadata\":{\"x\":{\"y\":true}},\"status\":\"OK\"}",
        http.get("/recipe/user/metadata?userId=old-user", CDI).text());
  }
}
