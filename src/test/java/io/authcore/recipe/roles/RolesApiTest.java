package io.authcore.recipe.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every user-roles endpoint over HTTP on the public tenant, on both storages. */
class RolesApiTest extends ServerOnEachBackend {
  static final String[] CDI = {"cdi-version", "5.4"};

  /** A role name no other test uses, since they share one server. */
  static String fresh(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  Reply createRole(String role, String permissionsJson) {
    String permissions = permissionsJson == null ? "" : ",\"permissions\":" + permissionsJson;
    return http.put("/recipe/role", "{\"role\":\"" + role + "\"" + permissions + "}", CDI);
  }

  Reply assign(String userId, String role) {
    return http.put(
        "/public/recipe/user/role",
        "{\"userId\":\"" + userId + "\",\"role\":\"" + role + "\"}",
        CDI);
  }

  Reply unassign(String userId, String role) {
    return http.post(
        "/public/recipe/user/role/remove",
        "{\"userId\":\"" + userId + "\",\"role\":\"" + role + "\"}",
        CDI);
  }

  static void assertOk(String expectedBody, Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    assertEquals("application/json;charset=UTF-8", reply.contentType());
    assertEquals(expectedBody + "\n", reply.body());
  }

  static void assertBadRequest(String text, Reply reply) {
    assertEquals(400, reply.status(), reply.body());
    assertEquals(text + "\n", reply.body());
  }

  static final String UNKNOWN_ROLE = "{\"status\":\"UNKNOWN_ROLE_ERROR\"}";

  @Test
  void theOriginalsTranscriptCreateAddAndCreateWithoutPermissions() {
    String admin = fresh("admin");
    String viewer = fresh("viewer");
    assertOk(
        "{\"status\":\"OK\",\"createdNewRole\":true}", createRole(admin, "[\"read\", \"write\"]"));
    assertOk("{\"status\":\"OK\",\"createdNewRole\":false}", createRole(admin, "[\"delete\"]"));
    assertOk("{\"status\":\"OK\",\"createdNewRole\":true}", createRole(viewer, null));
    assertOk(
        "{\"permissions\":[\"delete\",\"read\",\"write\"],\"status\":\"OK\"}",
        http.get("/recipe/role/permissions?role=" + admin, CDI));
    assertOk(
        "{\"permissions\":[],\"status\":\"OK\"}",
        http.get("/recipe/role/permissions?role=" + viewer, CDI));
  }

  @Test
  void theOriginalsTranscriptAssignThenListRolesOfTheUser() {
    String admin = fresh("admin");
    String user = UUID.randomUUID().toString();
    createRole(admin, "[]");
    assertOk("{\"status\":\"OK\",\"didUserAlreadyHaveRole\":false}", assign(user, admin));
    assertOk("{\"status\":\"OK\",\"didUserAlreadyHaveRole\":true}", assign(user, admin));
    assertOk(
        "{\"roles\":[\"" + admin + "\"],\"status\":\"OK\"}",
        http.get("/public/recipe/user/roles?userId=" + user, CDI));
    // Without a tenant in the path the public tenant is meant.
    assertOk(
        "{\"roles\":[\"" + admin + "\"],\"status\":\"OK\"}",
        http.get("/recipe/user/roles?userId=" + user, CDI));
  }

  @Test
  void creatingAgainAddsOnlyMissingPermissionsAndNamesAreTrimmed() {
    String role = fresh("editor");
    assertOk(
        "{\"status\":\"OK\",\"createdNewRole\":true}",
        createRole("  " + role + " ", "[\" a \",\"b\",\"b\"]"));
    assertOk("{\"status\":\"OK\",\"createdNewRole\":false}", createRole(role, "[\"a\",\"c\"]"));
    assertOk(
        "{\"permissions\":[\"a\",\"b\",\"c\"],\"status\":\"OK\"}",
        http.get("/recipe/role/permissions?role=%20" + role + "%20", CDI));
  }

  @Test
  void removingNamedPermissionsOrAllOfThem() {
    String role = fresh("ops");
    createRole(role, "[\"p1\",\"p2\",\"p3\"]");
    assertOk(
        "{\"status\":\"OK\"}",
        http.post(
            "/recipe/role/permissions/remove",
            "{\"role\":\"" + role + "\",\"permissions\":[\"p3\",\"never-had\"]}",
            CDI));
    assertOk(
        "{\"permissions\":[\"p1\",\"p2\"],\"status\":\"OK\"}",
        http.get("/recipe/role/permissions?role=" + role, CDI));
    assertOk(
        "{\"status\":\"OK\"}",
        http.post("/recipe/role/permissions/remove", "{\"role\":\"" + role + "\"}", CDI));
    assertOk(
        "{\"permissions\":[],\"status\":\"OK\"}",
        http.get("/recipe/role/permissions?role=" + role, CDI));
    assertOk(
        UNKNOWN_ROLE,
        http.post("/recipe/role/permissions/remove", "{\"role\":\"" + fresh("nope") + "\"}", CDI));
  }

  @Test
  void rolesThatHoldAPermission() {
    String permission = fresh("perm");
    String r1 = fresh("r1");
    String r2 = fresh("r2");
    createRole(r2, "[\"" + permission + "\",\"other\"]");
    createRole(r1, "[\"" + permission + "\"]");
    assertOk(
        "{\"roles\":[\"" + r1 + "\",\"" + r2 + "\"],\"status\":\"OK\"}",
        http.get("/recipe/permission/roles?permission=" + permission, CDI));
    assertOk(
        "{\"roles\":[],\"status\":\"OK\"}",
        http.get("/recipe/permission/roles?permission=" + fresh("unused"), CDI));
  }

  @Test
  void usersWithARoleAndUnknownRoles() {
    String role = fresh("member");
    createRole(role, null);
    assertOk(
        "{\"users\":[],\"status\":\"OK\"}",
        http.get("/public/recipe/role/users?role=" + role, CDI));
    assign("user-b", role);
    assign("user-a", role);
    assertOk(
        "{\"users\":[\"user-a\",\"user-b\"],\"status\":\"OK\"}",
        http.get("/public/recipe/role/users?role=" + role, CDI));
    String unknown = fresh("nope");
    assertOk(UNKNOWN_ROLE, http.get("/public/recipe/role/users?role=" + unknown, CDI));
    assertOk(UNKNOWN_ROLE, http.get("/recipe/role/permissions?role=" + unknown, CDI));
    assertOk(UNKNOWN_ROLE, assign("user-a", unknown));
    assertOk(UNKNOWN_ROLE, unassign("user-a", unknown));
    assertOk(
        "{\"roles\":[],\"status\":\"OK\"}",
        http.get("/public/recipe/user/roles?userId=" + fresh("nobody"), CDI));
  }

  @Test
  void removingARoleFromAUser() {
    String role = fresh("temp");
    String other = fresh("kept");
    createRole(role, null);
    createRole(other, null);
    assign("u1", role);
    assign("u1", other);
    assertOk("{\"status\":\"OK\",\"didUserHaveRole\":true}", unassign("u1", role));
    assertOk("{\"status\":\"OK\",\"didUserHaveRole\":false}", unassign("u1", role));
    assertOk(
        "{\"roles\":[\"" + other + "\"],\"status\":\"OK\"}",
        http.get("/public/recipe/user/roles?userId=u1", CDI));
  }

  @Test
  void deletingARoleTakesItsPermissionsAndAssignmentsWithIt() {
    String role = fresh("doomed");
    String kept = fresh("kept");
    createRole(role, "[\"x\"]");
    createRole(kept, null);
    String user = fresh("user");
    assign(user, role);
    assign(user, kept);
    String body = "{\"role\":\"" + role + "\"}";
    assertOk(
        "{\"status\":\"OK\",\"didRoleExist\":true}", http.post("/recipe/role/remove", body, CDI));
    assertOk(
        "{\"status\":\"OK\",\"didRoleExist\":false}", http.post("/recipe/role/remove", body, CDI));
    assertEquals(false, http.get("/recipe/roles", CDI).body().contains("\"" + role + "\""));
    assertOk(
        "{\"roles\":[\"" + kept + "\"],\"status\":\"OK\"}",
        http.get("/public/recipe/user/roles?userId=" + user, CDI));
    assertOk(
        "{\"roles\":[],\"status\":\"OK\"}", http.get("/recipe/permission/roles?permission=x", CDI));

    // Created again, the role starts empty.
    assertOk("{\"status\":\"OK\",\"createdNewRole\":true}", createRole(role, null));
    assertOk(
        "{\"permissions\":[],\"status\":\"OK\"}",
        http.get("/recipe/role/permissions?role=" + role, CDI));
    assertOk(
        "{\"users\":[],\"status\":\"OK\"}",
        http.get("/public/recipe/role/users?role=" + role, CDI));
  }

  @Test
  void allRolesOfTheApp() {
    String a = fresh("all-a");
    String b = fresh("all-b");
    createRole(b, null);
    createRole(a, null);
    Reply reply = http.get("/recipe/roles", CDI);
    assertEquals(200, reply.status());
    String body = reply.body();
    assertEquals(true, body.startsWith("{\"roles\":[") && body.endsWith("],\"status\":\"OK\"}\n"));
    assertEquals(
        true,
        body.indexOf("\"" + a + "\"") > 0
            && body.indexOf("\"" + a + "\"") < body.indexOf("\"" + b + "\""));
  }

  @Test
  void badInputGetsTheOriginalsTexts() {
    assertBadRequest(
        "Field name 'role' cannot be an empty String",
        http.put("/recipe/role", "{\"role\":\"  \"}", CDI));
    assertBadRequest(
        "Field name 'role' is invalid in JSON input", http.put("/recipe/role", "{}", CDI));
    assertBadRequest(
        "Field name 'permissions' cannot contain an empty string",
        http.put("/recipe/role", "{\"role\":\"r\",\"permissions\":[\"a\",\" \",1]}", CDI));
    assertBadRequest(
        "Field name 'permissions' is invalid in JSON input",
        http.put("/recipe/role", "{\"role\":\"r\",\"permissions\":[1,\"\"]}", CDI));
    assertBadRequest(
        "Field name 'permissions' is invalid in JSON input",
        http.put("/recipe/role", "{\"role\":\"r\",\"permissions\":null}", CDI));
    assertBadRequest(
        "Field name 'permissions' is invalid in JSON input",
        http.post(
            "/recipe/role/permissions/remove", "{\"role\":\"r\",\"permissions\":\"a\"}", CDI));
    assertBadRequest(
        "Field name 'role' is missing in GET request", http.get("/recipe/role/permissions", CDI));
    assertBadRequest(
        "Field name 'role' cannot be an empty String",
        http.get("/recipe/role/permissions?role=", CDI));
    assertBadRequest(
        "Field name 'permission' cannot be an empty String",
        http.get("/recipe/permission/roles?permission=%20", CDI));
    assertBadRequest(
        "Field name 'permission' is missing in GET request",
        http.get("/recipe/permission/roles", CDI));
    assertBadRequest(
        "Field name 'role' cannot be an empty String",
        http.post("/recipe/role/remove", "{\"role\":\"\"}", CDI));
    assertBadRequest(
        "Field name 'userId' is invalid in JSON input",
        http.put("/public/recipe/user/role", "{\"role\":\"r\"}", CDI));
    assertBadRequest(
        "Field name 'role' cannot be an empty String",
        http.post("/public/recipe/user/role/remove", "{\"userId\":\"u\",\"role\":\" \"}", CDI));
    assertBadRequest(
        "Field name 'userId' is missing in GET request",
        http.get("/public/recipe/user/roles", CDI));
    assertBadRequest(
        "Field name 'role' cannot be an empty String",
        http.get("/public/recipe/role/users?role=", CDI));
    assertBadRequest("Invalid Json Input", http.put("/public/recipe/user/role", "nope", CDI));
  }

  @Test
  void roleDefinitionsAnswerOnlyOnThePublicTenantAndAssignmentsNeedAnExistingTenant() {
    Reply definitions = http.get("/t1/recipe/roles", CDI);
    assertEquals(403, definitions.status());
    assertEquals("Only public tenantId can call this app specific API\n", definitions.body());
    Reply assignment = http.get("/t1/recipe/user/roles?userId=u", CDI);
    assertEquals(400, assignment.status());
    assertEquals(
        "AppId or tenantId not found => Tenant with the following connectionURIDomain, appId and"
            + " tenantId combination not found: (, public, t1)\n",
        assignment.body());
  }

  @Test
  void concurrentCreationsOfOneRoleCreateItOnceAndKeepEveryPermission() throws Exception {
    String role = fresh("raced");
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    int created = 0;
    try {
      List<Callable<Reply>> creations = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String permission = "p" + i;
        creations.add(() -> createRole(role, "[\"" + permission + "\",\"shared\"]"));
      }
      for (Future<Reply> reply : pool.invokeAll(creations)) {
        assertEquals(200, reply.get().status(), reply.get().body());
        created += reply.get().json().get("createdNewRole").asBoolean() ? 1 : 0;
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1, created);
    assertOk(
        "{\"permissions\":[\"p0\",\"p1\",\"p2\",\"p3\",\"p4\",\"p5\",\"p6\",\"p7\",\"shared\"],"
            + "\"status\":\"OK\"}",
        http.get("/recipe/role/permissions?role=" + role, CDI));
  }
}
