package io.authcore.recipe.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.support.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Shared steps of the user-related API tests: making users, reading PostgreSQL rows. */
public final class TestUsers {
  public static final String[] CDI = {"cdi-version", "5.4"};

  private TestUsers() {}

  /** A fresh address, so tests sharing a server never collide. */
  public static String email(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  public static String json(Object... keysAndValues) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      out.append(i == 0 ? "" : ",").append('"').append(keysAndValues[i]).append("\":");
      out.append(value instanceof String ? "\"" + value + "\"" : String.valueOf(value));
    }
    return out.append('}').toString();
  }

  /** Signs up through the API (in {@code tenantPath}, e.g. "/public") and returns the reply. */
  public static JsonNode signUp(Http http, String tenantPath, String email, String password) {
    Reply reply =
        http.post(tenantPath + "/recipe/signup", json("email", email, "password", password), CDI);
    assertEquals(200, reply.status(), reply.body());
    assertEquals("OK", reply.json().get("status").asText(), reply.body());
    return reply.json();
  }

  /** The new user's id. */
  public static String signUp(Http http, String email) {
    return signUp(http, "/public", email, "password-123").get("user").get("id").asText();
  }

  /**
   * Creates a tenant of the public app directly in a PostgreSQL database, as the multitenancy API
   * would (the server finds it on first use).
   */
  public static void addTenant(Map<String, String> database, String tenantId) {
    TestDatabases.execute(
        database,
        "INSERT INTO tenants (app_id, tenant_id, created_at_time) VALUES ('public', '"
            + tenantId
            + "', 0)",
        "INSERT INTO tenant_configs (app_id, tenant_id) VALUES ('public', '" + tenantId + "')");
  }

  /** Rows of a query on the PostgreSQL database of {@code database}, every column as text. */
  public static List<List<String>> rows(Map<String, String> database, String sql, Object... args) {
    try (Connection c = TestDatabases.dataSource(database).getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        List<List<String>> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            String value = rs.getString(i);
            row.add(value == null ? null : value.trim());
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
