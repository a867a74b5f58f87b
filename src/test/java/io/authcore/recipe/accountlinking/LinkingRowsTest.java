package io.authcore.recipe.accountlinking;

import static io.authcore.recipe.accountlinking.LinkingFixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.support.Backend;
import io.authcore.support.TestDatabases;
import io.authcore.support.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Links as rows in the original's columns (PostgreSQL, where the test can read what the server
 * wrote), so that a database shared with the original reads the same groups.
 */
class LinkingRowsTest {
  Map<String, String> db;
  TestServer server;
  LinkingFixture users;

  @BeforeEach
  void start() {
    db = TestDatabases.fresh(Backend.POSTGRES);
    server = TestServer.onDatabase(db, Map.of(), Clock.systemUTC());
    users = new LinkingFixture(server.http());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void writesTheOriginalsColumns() throws Exception {
    String email = unique("w") + "@ex.com";
    String ep = users.emailPassword(email);
    String tp = users.thirdParty(unique("g"), email);
    users.group(ep, tp);
    long epJoined = users.user(ep).json().get("user").get("timeJoined").asLong();
    try (Connection c = TestDatabases.dataSource(db).getConnection()) {
      for (String table : List.of("app_id_to_user_id", "all_auth_recipe_users")) {
        assertEquals(List.of(ep + " true", ep + " true"), rows(c, table, ep, tp));
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT DISTINCT primary_or_recipe_user_time_joined FROM all_auth_recipe_users"
                  + " WHERE user_id IN (?, ?)")) {
        s.setString(1, ep);
        s.setString(2, tp);
        try (ResultSet rs = s.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(epJoined, rs.getLong(1));
          assertFalse(rs.next());
        }
      }
    }
    users.unlink(tp);
    try (Connection c = TestDatabases.dataSource(db).getConnection()) {
      assertEquals(List.of(tp + " false"), rows(c, "app_id_to_user_id", tp, tp));
    }
  }

  static List<String> rows(Connection c, String table, String a, String b) throws Exception {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT primary_or_recipe_user_id, is_linked_or_is_a_primary_user FROM "
                + table
                + " WHERE user_id IN (?, ?)")) {
      s.setString(1, a);
      s.setString(2, b);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1).trim() + " " + rs.getBoolean(2));
        }
      }
      return out;
    }
  }
}
