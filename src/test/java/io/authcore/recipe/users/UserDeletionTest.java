package io.authcore.recipe.users;

import static io.authcore.recipe.users.TestUsers.CDI;
import static io.authcore.recipe.users.TestUsers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Backend;
import io.authcore.support.Http;
import io.authcore.support.OriginalRows;
import io.authcore.support.TestDatabases;
import io.authcore.support.TestServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /user/remove} on a linked group written as the original writes it (PostgreSQL, where
 * the test can write rows of recipes that have no API yet): an email-password primary user mapped
 * to {@code ext-ep} and a linked third-party user, each with data of other recipes.
 */
class UserDeletionTest {
  static final String EP = "11111111-1111-1111-1111-111111111111";
  static final String TP = "22222222-2222-2222-2222-222222222222";

  Map<String, String> db;
  TestServer server;
  Http http;

  @BeforeEach
  void start() {
    db = TestDatabases.fresh(Backend.POSTGRES);
    server = TestServer.onDatabase(db, Map.of(), Clock.systemUTC());
    http = server.http();
    OriginalRows.linkedEmailPasswordAndThirdParty(db, EP, TP);
    TestDatabases.execute(
        db,
        "INSERT INTO userid_mapping VALUES ('public', '" + EP + "', 'ext-ep', null)",
        "INSERT INTO emailpassword_pswd_reset_tokens VALUES ('public', '"
            + EP
            + "', 'h', 1, 'a@b.c')",
        "INSERT INTO user_metadata VALUES ('public', 'ext-ep', '{\"k\":1}')",
        "INSERT INTO roles VALUES ('public', 'admin')",
        "INSERT INTO user_roles VALUES ('public', 'public', 'ext-ep', 'admin')",
        "INSERT INTO user_roles VALUES ('public', 'public', '" + TP + "', 'admin')",
        "INSERT INTO session_info VALUES ('public', 'public', 'h-tp', '"
            + TP
            + "', 'r', '{}', 9999999999999, 1, '{}', false)",
        "INSERT INTO session_info VALUES ('public', 'public', 'h-ep', 'ext-ep', 'r', '{}', 9999999999999, 1, '{}', false)",
        "INSERT INTO emailverification_verified_emails VALUES ('public', 'ext-ep', 'a@b.c')",
        "INSERT INTO emailverification_verified_emails VALUES ('public', '" + TP + "', 'x@y.z')");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  void remove(String userId, boolean all) {
    assertEquals(
        "{\"status\":\"OK\"}\n",
        http.post("/user/remove", json("userId", userId, "removeAllLinkedAccounts", all), CDI)
            .body());
  }

  List<String> column(String sql) {
    return TestUsers.rows(db, sql).stream().map(r -> r.get(0)).toList();
  }

  @Test
  void removingALinkedUserAloneKeepsTheGroupAndItsData() {
    remove(TP, false);
    assertEquals(List.of(EP), column("SELECT user_id FROM app_id_to_user_id"));
    assertEquals(List.of("h-ep"), column("SELECT session_handle FROM session_info"));
    assertEquals(List.of("ext-ep"), column("SELECT user_id FROM user_roles"));
    assertEquals(
        List.of("ext-ep"), column("SELECT user_id FROM emailverification_verified_emails"));
    assertEquals(List.of("ext-ep"), column("SELECT user_id FROM user_metadata"));
    assertEquals(List.of(EP), column("SELECT user_id FROM all_auth_recipe_users"));
  }

  @Test
  void removingThePrimaryLoginMethodAloneKeepsTheGroupUnderItsId() {
    remove("ext-ep", false);
    assertEquals(List.of(TP), column("SELECT user_id FROM all_auth_recipe_users"));
    assertEquals(List.of(), column("SELECT user_id FROM emailpassword_users"));
    assertEquals(List.of(), column("SELECT user_id FROM emailpassword_pswd_reset_tokens"));
    // The other member still uses what is kept under the primary id.
    assertEquals(List.of("ext-ep"), column("SELECT user_id FROM user_metadata"));
    var user = http.get("/user/id?userId=" + TP, CDI).json().get("user");
    assertEquals("ext-ep", user.get("id").asText());
    assertEquals(1, user.get("loginMethods").size());
    assertEquals(TP, user.get("loginMethods").get(0).get("recipeUserId").asText());

    // Removing the last member then removes the group, its mapping and the primary's data.
    remove(TP, false);
    assertEquals(List.of(), column("SELECT user_id FROM app_id_to_user_id"));
    assertEquals(List.of(), column("SELECT external_user_id FROM userid_mapping"));
    assertEquals(List.of(), column("SELECT user_id FROM user_metadata"));
    assertEquals(List.of(), column("SELECT user_id FROM user_roles"));
    assertEquals(List.of(), column("SELECT session_handle FROM session_info"));
  }

  @Test
  void removingAllLinkedAccountsRemovesEverythingInOneGo() {
    remove(TP, true);
    for (String table :
        List.of(
            "app_id_to_user_id",
            "all_auth_recipe_users",
            "emailpassword_users",
            "emailpassword_user_to_tenant",
            "thirdparty_users",
            "thirdparty_user_to_tenant",
            "userid_mapping",
            "emailpassword_pswd_reset_tokens",
            "user_metadata",
            "user_roles",
            "session_info",
            "emailverification_verified_emails")) {
      assertEquals(List.of("0"), column("SELECT COUNT(*) FROM " + table), table);
    }
    assertEquals(List.of("admin"), column("SELECT role FROM roles"));
  }
}
