package io.authcore.recipe.bulkimport;

import static io.authcore.recipe.bulkimport.BulkCalls.BCRYPT;
import static io.authcore.recipe.bulkimport.BulkCalls.cdi;
import static io.authcore.recipe.bulkimport.BulkCalls.emailPassword;
import static io.authcore.recipe.bulkimport.BulkCalls.users;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.jobs.BulkMigration;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The queue over HTTP on both storages, with the background import off (as {@code
 * BULK_MIGRATION_CRON_ENABLED=false} turns it off): queue, list, count and remove, with the
 * statuses, shapes and texts the original 11.4.7 answers on PostgreSQL, at every CDI version.
 */
class BulkImportQueueTest extends ServerOnEachBackend {
  static final List<String> VERSIONS =
      List.of("2.7", "2.13", "2.21", "3.0", "3.1", "4.0", "5.0", "5.1", "5.2", "5.3", "5.4");

  @Override
  protected Map<String, String> environment() {
    return Map.of(BulkMigration.ENABLED_VARIABLE, "false");
  }

  BulkCalls bulk() {
    return new BulkCalls(http);
  }

  static void assertReply(int status, String body, Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    assertEquals(body, reply.text());
    assertEquals(
        status == 200 ? "application/json;charset=UTF-8" : "text/html;charset=UTF-8",
        reply.contentType());
  }

  @Test
  void anEmptyBatchIsOkAndABadBodyIsRefusedAtEveryVersion() {
    for (String v : VERSIONS) {
      assertReply(200, "{\"status\":\"OK\"}", bulk().add("", "{\"users\":[]}", v));
      String invalid = "Field name 'users' is invalid in JSON input";
      assertReply(400, invalid, bulk().add("", "{}", v));
      assertReply(400, invalid, bulk().add("", "{\"users\":{}}", v));
      assertReply(400, invalid, bulk().add("", "{\"users\":null}", v));
      assertReply(400, "Invalid Json Input", bulk().add("", "x", v));
    }
  }

  @Test
  void moreThanTenThousandUsersAreRefusedBeforeAnyIsLookedAt() {
    String app = bulk().freshApp();
    String tooMany = users(Collections.nCopies(10001, "1").toArray(String[]::new));
    assertReply(
        400,
        "{\"error\":\"You can only add 10000 users at a time.\"}",
        bulk().add(app, tooMany, "5.4"));
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 10000; i++) {
      many.add(emailPassword("u" + i + "@example.com"));
    }
    Reply accepted = bulk().add(app, users(many.toArray(String[]::new)), "5.4");
    assertEquals(200, accepted.status(), accepted.body());
    assertEquals(10000, accepted.json().get("users").size());
    assertEquals(10000, bulk().countOf(app, "NEW"));
  }

  @Test
  void queuedUsersAreAnsweredListedAndPagedAsByTheOriginal() {
    String app = bulk().freshApp();
    JsonNode queued =
        bulk()
            .queue(
                app,
                "{\"externalUserId\":\" ext-1 \",\"userMetadata\":{\"k\":\"v\"},\"userRoles\":[],"
                    + "\"loginMethods\":[{\"recipeId\":\"emailpassword\",\"email\":\" A@B.com \","
                    + "\"passwordHash\":\""
                    + BCRYPT
                    + "\",\"hashingAlgorithm\":\" bcrypt \",\"tenantIds\":[\"public\"],"
                    + "\"isVerified\":true,\"isPrimary\":false,"
                    + "\"timeJoinedInMSSinceEpoch\":1700000000000}]}",
                "{\"loginMethods\":[{\"recipeId\":\"thirdparty\",\"email\":\"t@b.com\","
                    + "\"thirdPartyId\":\"google\",\"thirdPartyUserId\":\"g1\","
                    + "\"timeJoinedInMSSinceEpoch\":1700000000001}]}",
                "{\"loginMethods\":[{\"recipeId\":\"passwordless\","
                    + "\"phoneNumber\":\"+1 650 555 0100\",\"timeJoinedInMSSinceEpoch\":5}]}");
    String ep = queued.get(0).get("loginMethods").get(0).get("userId").textValue();
    String tp = queued.get(1).get("userId").textValue();
    String pl = queued.get(2).get("userId").textValue();
    // The original's answer, with the ids it chose.
    assertEquals(
        "[{\"userId\":\"ext-1\",\"loginMethods\":[{\"recipeId\":\"emailpassword\",\"userId\":\""
            + ep
            + "\",\"tenants\":[\"public\"],\"email\":\"a@b.com\"}]},{\"userId\":\""
            + tp
            + "\",\"loginMethods\":[{\"recipeId\":\"thirdparty\",\"userId\":\""
            + tp
            + "\",\"tenants\":[\"public\"],\"email\":\"t@b.com\",\"thirdpartyId\":\"google\","
            + "\"thirdpartyUserId\":\"g1\"}]},{\"userId\":\""
            + pl
            + "\",\"loginMethods\":[{\"recipeId\":\"passwordless\",\"userId\":\""
            + pl
            + "\",\"tenants\":[\"public\"],\"email\":null,\"phoneNumber\":\"+16505550100\"}]}]",
        queued.toString());

    Reply all = bulk().list(app, "");
    assertEquals(200, all.status(), all.body());
    List<String> ids = new ArrayList<>();
    for (JsonNode u : all.json().get("users")) {
      ids.add(u.get("id").textValue());
      long created = u.get("createdAt").longValue();
      assertEquals(created, u.get("updatedAt").longValue());
      String times =
          ",\"status\":\"NEW\",\"createdAt\":" + created + ",\"updatedAt\":" + created + "}";
      String expected =
          u.get("id").textValue().equals(ep)
              ? "{\"id\":\""
                  + ep
                  + "\",\"externalUserId\":\"ext-1\",\"userMetadata\":{\"k\":\"v\"},"
                  + "\"userRoles\":[],\"loginMethods\":[{\"tenantIds\":[\"public\"],"
                  + "\"isVerified\":true,\"isPrimary\":false,"
                  + "\"timeJoinedInMSSinceEpoch\":1700000000000,\"recipeId\":\"emailpassword\","
                  + "\"email\":\"a@b.com\",\"passwordHash\":\""
                  + BCRYPT
                  + "\",\"hashingAlgorithm\":\"BCRYPT\",\"superTokensUserId\":\""
                  + ep
                  + "\"}]"
                  + times
              : u.get("id").textValue().equals(tp)
                  ? "{\"id\":\""
                      + tp
                      + "\",\"loginMethods\":[{\"tenantIds\":[\"public\"],\"isVerified\":false,"
                      + "\"isPrimary\":false,\"timeJoinedInMSSinceEpoch\":1700000000001,"
                      + "\"recipeId\":\"thirdparty\",\"email\":\"t@b.com\",\"thirdPartyId\":"
                      + "\"google\",\"thirdPartyUserId\":\"g1\",\"superTokensUserId\":\""
                      + tp
                      + "\"}]"
                      + times
                  : "{\"id\":\""
                      + pl
                      + "\",\"loginMethods\":[{\"tenantIds\":[\"public\"],\"isVerified\":false,"
                      + "\"isPrimary\":false,\"timeJoinedInMSSinceEpoch\":5,"
                      + "\"recipeId\":\"passwordless\",\"phoneNumber\":\"+16505550100\","
                      + "\"superTokensUserId\":\""
                      + pl
                      + "\"}]"
                      + times;
      assertEquals(expected, u.toString());
    }
    assertEquals(3, ids.size());
    assertTrue(ids.containsAll(List.of(ep, tp, pl)));

    // Newest first; a page of two and a token naming the first user of the next page.
    Reply first = bulk().list(app, "?limit=2");
    assertEquals(2, first.json().get("users").size());
    String token = first.json().get("nextPaginationToken").textValue();
    JsonNode third = all.json().get("users").get(2);
    assertEquals(
        third.get("id").textValue() + ";" + third.get("createdAt").longValue(),
        new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
    Reply second = bulk().list(app, "?limit=2&paginationToken=" + token);
    assertEquals("[" + third + "]", second.json().get("users").toString());
    assertFalse(second.json().has("nextPaginationToken"));
    assertEquals(first.json().get("users").get(0), all.json().get("users").get(0));

    assertReply(200, "{\"status\":\"OK\",\"count\":3}", bulk().count(app, ""));
    assertReply(200, "{\"status\":\"OK\",\"count\":3}", bulk().count(app, "?status=NEW"));
    assertReply(200, "{\"status\":\"OK\",\"count\":0}", bulk().count(app, "?status=FAILED"));
    assertReply(200, "{\"status\":\"OK\",\"users\":[]}", bulk().list(app, "?status=PROCESSING"));
    assertEquals(3, bulk().list(app, "?status=NEW&limit=500").json().get("users").size());
  }

  @Test
  void listAndCountCheckTheirParametersAsTheOriginal() {
    String status = "Invalid value for status. Pass one of NEW, PROCESSING, or FAILED!";
    assertReply(
        400, "Field name 'limit' must be an int in the GET request", bulk().list("", "?limit=abc"));
    assertReply(400, "limit must a positive integer with min value 1", bulk().list("", "?limit=0"));
    assertReply(400, "Max limit allowed is 500", bulk().list("", "?limit=501"));
    assertReply(400, status, bulk().list("", "?status=new"));
    assertReply(400, status, bulk().list("", "?status="));
    assertReply(400, "invalid pagination token", bulk().list("", "?paginationToken=abc"));
    String noNumber = Base64.getEncoder().encodeToString("id;x".getBytes(StandardCharsets.UTF_8));
    assertReply(400, "invalid pagination token", bulk().list("", "?paginationToken=" + noNumber));
    assertReply(400, status, bulk().count("", "?status=x"));
  }

  @Test
  void removalAnswersWhichIdsWereQueued() {
    String app = bulk().freshApp();
    String id = bulk().queue(app, emailPassword("r@example.com")).get(0).get("userId").textValue();
    assertReply(
        200,
        "{\"deletedIds\":[\"" + id + "\",\"" + id + "\"],\"invalidIds\":[\"nope\",\" \"]}",
        bulk().remove(app, "{\"ids\":[\"" + id + "\",\"nope\",\"" + id + "\",\" \"]}"));
    assertReply(200, "{\"status\":\"OK\",\"count\":0}", bulk().count(app, ""));
    assertReply(200, "{\"deletedIds\":[],\"invalidIds\":[]}", bulk().remove(app, "{\"ids\":[]}"));
    String invalid = "Field name 'ids' is invalid in JSON input";
    for (String body : List.of("{}", "{\"ids\":\"x\"}", "{\"ids\":[1]}", "{\"ids\":[null]}")) {
      assertReply(400, invalid, bulk().remove(app, body));
    }
    assertReply(
        400,
        "Field name 'ids' cannot contain an empty string",
        bulk().remove(app, "{\"ids\":[\"\"]}"));
    String tooMany = "[" + String.join(",", Collections.nCopies(501, "\"a\"")) + "]";
    assertReply(
        400,
        "Field name 'ids' cannot contain more than 500 elements",
        bulk().remove(app, "{\"ids\":" + tooMany + "}"));
  }

  @Test
  void theEndpointsBelongToTheAppAsInTheOriginal() {
    String missing =
        "AppId or tenantId not found => Tenant with the following connectionURIDomain, appId and"
            + " tenantId combination not found: (, nope, public)";
    String app = "/appid-nope";
    assertReply(400, missing, bulk().list(app, ""));
    assertReply(400, missing, bulk().count(app, ""));
    assertReply(400, missing, bulk().add(app, users("{}"), "5.4"));
    assertReply(400, missing, bulk().remove(app, "{\"ids\":[\"a\"]}"));
    assertReply(400, missing, bulk().importNow(app, "{}", "5.4"));
    // Input is read first: what needs no app is answered without one.
    assertReply(200, "{\"status\":\"OK\"}", bulk().add(app, "{\"users\":[]}", "5.4"));
    assertReply(200, "{\"deletedIds\":[],\"invalidIds\":[]}", bulk().remove(app, "{\"ids\":[]}"));
    assertReply(
        400, "Field name 'limit' must be an int in the GET request", bulk().list(app, "?limit=x"));
    // Another tenant: refused from 5.0, ignored before, not a path below 3.0.
    String forbidden = "Only public tenantId can call this app specific API";
    assertReply(403, forbidden, http.get("/t1/bulk-import/users/count", cdi("5.4")));
    assertReply(403, forbidden, http.post("/t1/bulk-import/import", "{}", cdi("5.0")));
    assertEquals(200, http.get("/t1/bulk-import/users/count", cdi("4.0")).status());
    assertReply(404, "Not found", http.get("/t1/bulk-import/users/count", cdi("2.21")));
  }

  @Test
  void everyVersionServesTheQueueAlike() {
    String app = bulk().freshApp();
    String id = bulk().queue(app, emailPassword("v@example.com")).get(0).get("userId").textValue();
    String listed = bulk().list(app, "").body();
    for (String v : VERSIONS) {
      assertEquals(listed, http.get(app + "/bulk-import/users", cdi(v)).body(), v);
      assertReply(
          200,
          "{\"status\":\"OK\",\"count\":1}",
          http.get(app + "/bulk-import/users/count", cdi(v)));
      assertReply(
          200,
          "{\"deletedIds\":[],\"invalidIds\":[\"x\"]}",
          http.post(app + "/bulk-import/users/remove", "{\"ids\":[\"x\"]}", cdi(v)));
    }
    assertReply(
        200,
        "{\"deletedIds\":[\"" + id + "\"],\"invalidIds\":[]}",
        bulk().remove(app, "{\"ids\":[\"" + id + "\"]}"));
  }
}
