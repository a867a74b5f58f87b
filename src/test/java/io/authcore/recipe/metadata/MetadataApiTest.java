package io.authcore.recipe.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The user-metadata endpoints over HTTP, on both storages. */
class MetadataApiTest extends ServerOnEachBackend {
  static final String[] CDI = {"cdi-version", "5.4"};

  static String newUser() {
    return UUID.randomUUID().toString();
  }

  Reply put(String userId, String update) {
    return http.put(
        "/recipe/user/metadata",
        "{\"userId\":\"" + userId + "\",\"metadataUpdate\":" + update + "}",
        CDI);
  }

  Reply get(String userId) {
    return http.get("/recipe/user/metadata?userId=" + userId, CDI);
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

  @Test
  void theOriginalsTranscriptUpdateThenNullDeletesThenGet() {
    String user = newUser();
    assertOk(
        "{\"metadata\":{\"theme\":\"dark\",\"prefs\":{\"lang\":\"en\"}},\"status\":\"OK\"}",
        put(user, "{\"theme\": \"dark\", \"prefs\": {\"lang\": \"en\"}}"));
    assertOk(
        "{\"metadata\":{\"prefs\":{\"tz\":\"UTC\"}},\"status\":\"OK\"}",
        put(user, "{\"theme\": null, \"prefs\": {\"tz\": \"UTC\"}}"));
    assertOk("{\"metadata\":{\"prefs\":{\"tz\":\"UTC\"}},\"status\":\"OK\"}", get(user));
  }

  @Test
  void aUserWithoutMetadataHasAnEmptyObject() {
    assertOk("{\"metadata\":{},\"status\":\"OK\"}", get(newUser()));
    // Any string is a user id; nothing checks that such a user exists.
    assertOk("{\"metadata\":{},\"status\":\"OK\"}", get(""));
  }

  @Test
  void storedKeysKeepTheOriginalsOrderAndValues() {
    String user = newUser();
    put(user, "{\"a\":1,\"b\":[true,null,{\"x\":1.5}],\"c\":\"s\"}");
    assertOk(
        "{\"metadata\":{\"b\":[true,null,{\"x\":1.5}],\"c\":\"s\",\"a\":2},\"status\":\"OK\"}",
        put(user, "{\"a\":2}"));
    assertOk(
        "{\"metadata\":{\"b\":[true,null,{\"x\":1.5}],\"c\":\"s\",\"a\":2},\"status\":\"OK\"}",
        get(user));
  }

  @Test
  void anUpdateOfOnlyNullsOnANewUserStoresAnEmptyObject() {
    String user = newUser();
    assertOk("{\"metadata\":{},\"status\":\"OK\"}", put(user, "{\"gone\":null}"));
    assertOk("{\"metadata\":{},\"status\":\"OK\"}", get(user));
  }

  @Test
  void metadataIsKeyedByTheExactString() {
    String user = "ext-" + newUser() + "-ÄÖ ü";
    put(user, "{\"k\":\"v\"}");
    String encoded = java.net.URLEncoder.encode(user, java.nio.charset.StandardCharsets.UTF_8);
    assertOk("{\"metadata\":{\"k\":\"v\"},\"status\":\"OK\"}", get(encoded));
    assertOk("{\"metadata\":{},\"status\":\"OK\"}", get(encoded.toUpperCase()));
  }

  @Test
  void removeClearsTheMetadataAndIsFineWhenThereIsNone() {
    String user = newUser();
    put(user, "{\"k\":\"v\"}");
    String body = "{\"userId\":\"" + user + "\"}";
    assertOk("{\"status\":\"OK\"}", http.post("/recipe/user/metadata/remove", body, CDI));
    assertOk("{\"metadata\":{},\"status\":\"OK\"}", get(user));
    assertOk("{\"status\":\"OK\"}", http.post("/recipe/user/metadata/remove", body, CDI));
  }

  @Test
  void bulkListsEveryAskedIdInOrderWithNullForThoseWithout() {
    String a = newUser();
    String b = newUser();
    String none = newUser();
    put(a, "{\"n\":1}");
    put(b, "{\"n\":2}");
    assertOk(
        "{\"status\":\"OK\",\"users\":[{\"userId\":\""
            + b
            + "\",\"metadata\":{\"n\":2}},{\"userId\":\""
            + none
            + "\",\"metadata\":null},{\"userId\":\""
            + a
            + "\",\"metadata\":{\"n\":1}},{\"userId\":\""
            + b
            + "\",\"metadata\":{\"n\":2}}]}",
        http.post(
            "/recipe/user/metadata/bulk",
            "{\"userIds\":[\"" + b + "\",\"" + none + "\",\"" + a + "\",\"" + b + "\"]}",
            CDI));
    assertOk(
        "{\"status\":\"OK\",\"users\":[]}",
        http.post("/recipe/user/metadata/bulk", "{\"userIds\":[]}", CDI));
  }

  @Test
  void bulkTakesUpTo500StringIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      ids.add("\"u" + i + "\"");
    }
    Reply full = http.post("/recipe/user/metadata/bulk", "{\"userIds\":" + ids + "}", CDI);
    assertEquals(200, full.status(), full.body());
    assertEquals(500, full.json().get("users").size());

    ids.add("\"one-too-many\"");
    assertBadRequest(
        "You can only query up to 500 users at a time.",
        http.post("/recipe/user/metadata/bulk", "{\"userIds\":" + ids + "}", CDI));
    assertBadRequest(
        "userIds array must contain only strings",
        http.post("/recipe/user/metadata/bulk", "{\"userIds\":[\"a\",1]}", CDI));
    assertBadRequest(
        "Field name 'userIds' is invalid in JSON input",
        http.post("/recipe/user/metadata/bulk", "{\"userIds\":\"a\"}", CDI));
    assertBadRequest(
        "Field name 'userIds' is invalid in JSON input",
        http.post("/recipe/user/metadata/bulk", "{}", CDI));
  }

  @Test
  void badInputGetsTheOriginalsTexts() {
    assertBadRequest(
        "Field name 'userId' is missing in GET request", http.get("/recipe/user/metadata", CDI));
    assertBadRequest(
        "Field name 'metadataUpdate' is invalid in JSON input",
        http.put("/recipe/user/metadata", "{\"userId\":\"u\"}", CDI));
    assertBadRequest(
        "Field name 'metadataUpdate' is invalid in JSON input",
        http.put("/recipe/user/metadata", "{\"userId\":\"u\",\"metadataUpdate\":[1]}", CDI));
    assertBadRequest(
        "Field name 'metadataUpdate' is invalid in JSON input",
        http.put("/recipe/user/metadata", "{\"userId\":\"u\",\"metadataUpdate\":null}", CDI));
    assertBadRequest(
        "Field name 'userId' is invalid in JSON input",
        http.put("/recipe/user/metadata", "{\"userId\":1,\"metadataUpdate\":{}}", CDI));
    assertBadRequest(
        "Field name 'userId' is invalid in JSON input",
        http.post("/recipe/user/metadata/remove", "{}", CDI));
    assertBadRequest("Invalid Json Input", http.put("/recipe/user/metadata", "[]", CDI));
  }

  @Test
  void metadataBelongsToTheAppSoOnlyThePublicTenantMayAsk() {
    Reply reply = http.get("/t1/recipe/user/metadata?userId=u", CDI);
    assertEquals(403, reply.status());
    assertEquals("Only public tenantId can call this app specific API\n", reply.body());
    assertOk(
        "{\"metadata\":{},\"status\":\"OK\"}",
        http.get("/public/recipe/user/metadata?userId=u", CDI));
  }

  @Test
  void concurrentUpdatesOfDifferentKeysAllSurvive() throws Exception {
    // Twice: once racing to create the row, once on a row that exists.
    String user = newUser();
    for (String round : List.of("first", "second")) {
      int writers = 8;
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      try {
        List<Callable<Reply>> updates = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
          String key = round + i;
          updates.add(() -> put(user, "{\"" + key + "\":" + key.length() + "}"));
        }
        for (Future<Reply> reply : pool.invokeAll(updates)) {
          assertEquals(200, reply.get().status(), reply.get().body());
        }
      } finally {
        pool.shutdown();
      }
      JsonNode metadata = get(user).json().get("metadata");
      for (int i = 0; i < writers; i++) {
        assertEquals(round.length() + 1, metadata.path(round + i).asInt(), metadata.toString());
      }
    }
    assertEquals(16, get(user).json().get("metadata").size());
  }
}
