package io.authcore.recipe.bulkimport;

import static io.authcore.recipe.bulkimport.BulkCalls.BCRYPT;
import static io.authcore.recipe.bulkimport.BulkCalls.BCRYPT_15;
import static io.authcore.recipe.bulkimport.BulkCalls.PASSWORD;
import static io.authcore.recipe.bulkimport.BulkCalls.emailPassword;
import static io.authcore.recipe.bulkimport.BulkCalls.emailPasswordMethod;
import static io.authcore.recipe.bulkimport.BulkCalls.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.jobs.BulkMigration;
import io.authcore.support.Backend;
import io.authcore.support.Http.Reply;
import io.authcore.support.TestDatabases;
import io.authcore.support.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The queue over a PostgreSQL database shared with other cores: rows the original queued (its
 * {@code raw_data} as it writes it) are drained here, every queued user is checked again when its
 * turn comes (a role removed meanwhile, a hash beyond the cost bounds: that user FAILS, not its
 * batch), and a core that starts drains what waits.
 */
class BulkImportSharedDatabaseTest {
  static final Map<String, String> CRON_OFF = Map.of(BulkMigration.ENABLED_VARIABLE, "false");

  static TestServer server(Map<String, String> db, Map<String, String> env) {
    return TestServer.onDatabase(db, Map.of(), Clock.systemUTC(), false, env);
  }

  /** A row as the original 11.4.7 writes it when it queues a user (copied from its table). */
  static String originalRow(String id, String rawData, long now) {
    return "INSERT INTO bulk_import_users (id, app_id, raw_data, created_at, updated_at) VALUES ('"
        + id
        + "', 'public', '"
        + rawData
        + "', "
        + now
        + ", "
        + now
        + ")";
  }

  @Test
  void rowsTheOriginalQueuedAreImportedAndEveryUserIsCheckedAgainWhenItsTurnComes() {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    String roleUser;
    String plainUser;
    try (TestServer a = server(db, CRON_OFF)) {
      BulkCalls bulk = new BulkCalls(a.http());
      bulk.createRole("", "r1");
      roleUser =
          bulk.queue(
                  "",
                  user(
                      "\"userRoles\":[{\"role\":\"r1\",\"tenantIds\":[\"public\"]}]",
                      emailPasswordMethod("role@example.com", "")))
              .get(0)
              .get("userId")
              .textValue();
      plainUser =
          bulk.queue("", emailPassword("plain@example.com")).get(0).get("userId").textValue();
      a.http().post("/recipe/role/remove", "{\"role\":\"r1\"}", BulkCalls.cdi("5.4"));
    }
    String ep = UUID.randomUUID().toString();
    String tp = UUID.randomUUID().toString();
    String costly = UUID.randomUUID().toString();
    long now = System.currentTimeMillis();
    TestDatabases.execute(
        db,
        originalRow(
            ep,
            "{\"id\":\""
                + ep
                + "\",\"externalUserId\":\"ext-1\",\"userMetadata\":{\"k\":\"v\"},\"userRoles\":[],"
                + "\"loginMethods\":[{\"tenantIds\":[\"public\"],\"isVerified\":true,"
                + "\"isPrimary\":false,\"timeJoinedInMSSinceEpoch\":1700000000000,"
                + "\"recipeId\":\"emailpassword\",\"email\":\"a@b.com\",\"passwordHash\":\""
                + BCRYPT
                + "\",\"hashingAlgorithm\":\"BCRYPT\",\"superTokensUserId\":\""
                + ep
                + "\"}]}",
            now),
        originalRow(
            tp,
            "{\"id\":\""
                + tp
                + "\",\"loginMethods\":[{\"tenantIds\":[\"public\"],\"isVerified\":false,"
                + "\"isPrimary\":false,\"timeJoinedInMSSinceEpoch\":1796655582674,"
                + "\"recipeId\":\"thirdparty\",\"email\":\"t@b.com\",\"thirdPartyId\":\"google\","
                + "\"thirdPartyUserId\":\"g1\",\"superTokensUserId\":\""
                + tp
                + "\"}]}",
            now),
        // The original checks no cost: this one would take ~3 s at each sign-in.
        originalRow(
            costly,
            "{\"id\":\""
                + costly
                + "\",\"loginMethods\":[{\"tenantIds\":[\"public\"],\"isVerified\":false,"
                + "\"isPrimary\":false,\"timeJoinedInMSSinceEpoch\":1700000000000,"
                + "\"recipeId\":\"emailpassword\",\"email\":\"costly@b.com\",\"passwordHash\":\""
                + BCRYPT_15
                + "\",\"hashingAlgorithm\":\"BCRYPT\",\"superTokensUserId\":\""
                + costly
                + "\"}]}",
            now));

    try (TestServer b = server(db, Map.of())) {
      BulkCalls bulk = new BulkCalls(b.http());
      SignIns.awaitDrained(bulk, "", Duration.ofSeconds(60));
      Map<String, String> failed = new HashMap<>();
      for (JsonNode u : bulk.list("", "").json().get("users")) {
        assertEquals("FAILED", u.get("status").textValue(), u.toString());
        failed.put(u.get("id").textValue(), u.get("errorMessage").textValue());
      }
      assertEquals(
          Map.of(
              roleUser,
              "[Role r1 does not exist.]",
              costly,
              "[Password hash is too costly to verify: BCrypt cost cannot be more than 14]"),
          failed);
      SignIns signIns = new SignIns(b.http());
      assertEquals("ext-1", signIns.emailPassword("", "a@b.com", PASSWORD).get("id").textValue());
      assertEquals(tp, signIns.thirdParty("", "google", "g1", "t@b.com").get("id").textValue());
      assertEquals(
          plainUser,
          signIns.emailPassword("", "plain@example.com", PASSWORD).get("id").textValue());
      Reply metadata = b.http().get("/recipe/user/metadata?userId=ext-1", BulkCalls.cdi("5.4"));
      assertEquals("{\"metadata\":{\"k\":\"v\"},\"status\":\"OK\"}", metadata.text());
    }
  }

  @Test
  void aUserTheOriginalFailedIsListedAsTheOriginalListsIt() {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    try (TestServer a = server(db, CRON_OFF)) {
      // The row and the answer, as the original 11.4.7 wrote and listed them.
      String id = "280135d5-2e70-447b-88e8-be952c5cd82d";
      String raw =
          "{\"id\":\""
              + id
              + "\",\"userRoles\":[{\"role\":\"r1\",\"tenantIds\":[\"public\"]}],\"loginMethods\":"
              + "[{\"tenantIds\":[\"public\"],\"isVerified\":false,\"isPrimary\":false,"
              + "\"timeJoinedInMSSinceEpoch\":1796655633952,\"recipeId\":\"emailpassword\","
              + "\"email\":\"role@b.com\",\"plainTextPassword\":\"pw123456\",\"superTokensUserId\":\""
              + id
              + "\"}]}";
      TestDatabases.execute(
          db,
          "INSERT INTO bulk_import_users VALUES ('"
              + id
              + "', 'public', NULL, '"
              + raw
              + "', 'FAILED', '[Role r1 does not exist.]', 1796655633959, 1796655641314)");
      Reply listed = a.http().get("/bulk-import/users?status=FAILED", BulkCalls.cdi("5.4"));
      assertEquals(
          "{\"status\":\"OK\",\"users\":[{\"id\":\""
              + id
              + "\",\"userRoles\":[{\"role\":\"r1\",\"tenantIds\":[\"public\"]}],\"loginMethods\":"
              + "[{\"tenantIds\":[\"public\"],\"isVerified\":false,\"isPrimary\":false,"
              + "\"timeJoinedInMSSinceEpoch\":1796655633952,\"recipeId\":\"emailpassword\","
              + "\"email\":\"role@b.com\",\"plainTextPassword\":\"pw123456\",\"superTokensUserId\":\""
              + id
              + "\"}],\"status\":\"FAILED\",\"errorMessage\":\"[Role r1 does not exist.]\","
              + "\"createdAt\":1796655633959,\"updatedAt\":1796655641314}]}",
          listed.text());
      assertEquals(
          "{\"status\":\"OK\",\"count\":1}",
          a.http().get("/bulk-import/users/count?status=FAILED", BulkCalls.cdi("5.4")).text());
    }
  }
}
