package io.authcore.recipe.users;

import static io.authcore.recipe.users.TestUsers.CDI;
import static io.authcore.recipe.users.TestUsers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Backend;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.support.MutableClock;
import io.authcore.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Listing, counting and finding users over HTTP, on both storages; a fresh server per test. */
@ParameterizedClass
@EnumSource(Backend.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersApiTest {
  @Parameter Backend backend;

  final MutableClock clock = new MutableClock(1_700_000_000_000L);
  TestServer server;
  Http http;

  @BeforeEach
  void start() {
    server = TestServer.start(backend, Map.of("bcrypt_log_rounds", "4"), clock);
    http = server.http();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Users a, b, c, ... joined one second apart; returns their ids in that order. */
  List<String> users(String... names) {
    List<String> ids = new ArrayList<>();
    for (String name : names) {
      clock.advance(Duration.ofSeconds(1));
      ids.add(TestUsers.signUp(http, name + "@example.com"));
    }
    return ids;
  }

  JsonNode get(String path) {
    Reply reply = http.get(path, CDI);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("users").forEach(u -> ids.add(u.get("id").asText()));
    return ids;
  }

  @Test
  void pagesOldestFirstWithTheOriginalsToken() {
    List<String> ids = users("a", "b", "c", "d", "e");
    JsonNode first = get("/public/users?limit=2");
    assertEquals(ids.subList(0, 2), ids(first));
    String token = first.get("nextPaginationToken").asText();
    // The token names the first user of the next page and its join time.
    long joinedC = get("/user/id?userId=" + ids.get(2)).get("user").get("timeJoined").asLong();
    assertEquals(
        ids.get(2) + ";" + joinedC,
        new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
    JsonNode second = get("/public/users?limit=2&paginationToken=" + token);
    assertEquals(ids.subList(2, 4), ids(second));
    JsonNode last =
        get("/public/users?limit=2&paginationToken=" + second.get("nextPaginationToken").asText());
    assertEquals(ids.subList(4, 5), ids(last));
    assertFalse(last.has("nextPaginationToken"));
    assertEquals(ids, ids(get("/users")));
  }

  @Test
  void pagesNewestFirst() {
    List<String> ids = new ArrayList<>(users("a", "b", "c"));
    java.util.Collections.reverse(ids);
    JsonNode first = get("/public/users?limit=2&timeJoinedOrder=DESC");
    assertEquals(ids.subList(0, 2), ids(first));
    JsonNode second =
        get(
            "/public/users?limit=2&timeJoinedOrder=DESC&paginationToken="
                + first.get("nextPaginationToken").asText());
    assertEquals(ids.subList(2, 3), ids(second));
  }

  @Test
  void usersJoinedInTheSameMillisecondPageByIdDescending() {
    List<String> ids = new ArrayList<>();
    for (String name : List.of("s1", "s2", "s3")) {
      ids.add(TestUsers.signUp(http, name + "@example.com"));
    }
    ids.sort(java.util.Comparator.reverseOrder());
    JsonNode first = get("/public/users?limit=1");
    JsonNode second =
        get("/public/users?limit=2&paginationToken=" + first.get("nextPaginationToken").asText());
    List<String> all = new ArrayList<>(ids(first));
    all.addAll(ids(second));
    assertEquals(ids, all);
  }

  @Test
  void badListingInputGetsTheOriginalsTexts() {
    String[][] cases = {
      {"/users?limit=0", "limit must a positive integer with min value 1"},
      {"/users?limit=501", "max limit allowed is 500"},
      {"/users?limit=abc", "Field name 'limit' must be an int in the GET request"},
      {"/users?timeJoinedOrder=asc", "timeJoinedOrder can be either ASC OR DESC"},
      {"/users?paginationToken=%25%25", "invalid pagination token"},
      {"/users?paginationToken=YWJj", "invalid pagination token"},
      {"/users?includeRecipeIds=emailpassword,nope", "Unknown recipe ID: nope"},
    };
    for (String[] c : cases) {
      Reply reply = http.get(c[0], CDI);
      assertEquals(400, reply.status(), c[0]);
      assertEquals(c[1] + "\n", reply.body(), c[0]);
    }
    // A search lifts the 500 limit.
    assertEquals("OK", get("/users?limit=900&email=x").get("status").asText());
  }

  @Test
  void recipeFiltersAndCounts() {
    users("a", "b");
    assertEquals(2, ids(get("/users?includeRecipeIds=EmailPassword")).size());
    assertEquals(0, ids(get("/users?includeRecipeIds=thirdparty,passwordless")).size());
    assertEquals("{\"status\":\"OK\",\"count\":2}\n", http.get("/users/count", CDI).body());
    assertEquals(2, get("/public/users/count?includeAllTenants=TRUE").get("count").asLong());
    assertEquals(0, get("/public/users/count?includeRecipeIds=thirdparty").get("count").asLong());
    assertEquals(
        2, get("/public/users/count?includeRecipeIds=emailpassword").get("count").asLong());
  }

  @Test
  void searchByEmailPrefixOrDomain() {
    List<String> ids = users("alice.smith", "bob", "alfred");
    assertEquals(List.of(ids.get(0), ids.get(2)), ids(get("/users?email=AL")));
    assertEquals(ids, ids(get("/users?email=example.com")));
    assertEquals(List.of(ids.get(1)), ids(get("/users?email=zzz;bob&limit=1")));
    // Wildcards in the search are taken literally.
    assertEquals(List.of(), ids(get("/users?email=%25")));
    assertEquals(List.of(), ids(get("/users?phone=%2B1")));
    assertNull(get("/users?email=al&limit=1").get("nextPaginationToken"));
    assertEquals(
        "{\"status\":\"OK\",\"tags\":[\"email\",\"phone\",\"provider\"]}\n",
        http.get("/user/search/tags", CDI).body());
  }

  @Test
  void byAccountInfo() {
    List<String> ids = users("x");
    JsonNode found =
        get("/public/users/by-accountinfo?email=%20X@Example.com&doUnionOfAccountInfo=false");
    assertEquals(ids, ids(found));
    assertEquals(get("/user/id?userId=" + ids.get(0)).get("user"), found.get("users").get(0));
    assertEquals(
        List.of(),
        ids(
            get(
                "/public/users/by-accountinfo?email=x@example.com&phoneNumber=%2B1555"
                    + "&doUnionOfAccountInfo=false")));
    assertEquals(
        ids,
        ids(
            get(
                "/public/users/by-accountinfo?email=x@example.com&phoneNumber=%2B1555"
                    + "&doUnionOfAccountInfo=true")));
    assertEquals(
        "'doUnionOfAccountInfo' should be either 'true' or 'false'\n",
        http.get("/users/by-accountinfo?email=x@example.com&doUnionOfAccountInfo=yes", CDI).body());
    assertEquals(
        "Field name 'doUnionOfAccountInfo' is missing in GET request\n",
        http.get("/users/by-accountinfo?email=x@example.com", CDI).body());
    assertEquals(
        "If 'thirdPartyId' is provided, 'thirdPartyUserId' must also be provided, and vice versa\n",
        http.get("/users/by-accountinfo?thirdPartyId=google&doUnionOfAccountInfo=true", CDI)
            .body());
  }

  @Test
  void removingAUserRemovesItsDataAndAnswersOkForUnknownIds() {
    String email = "gone@example.com";
    String id = users("gone").get(0);
    http.post("/public/recipe/user/email/verify/token", json("userId", id, "email", email), CDI);
    Reply session =
        http.post(
            "/public/recipe/session",
            "{\"userId\":\""
                + id
                + "\",\"userDataInJWT\":{},\"userDataInDatabase\":{},\"enableAntiCsrf\":false}",
            CDI);
    assertEquals(200, session.status(), session.body());

    assertEquals(
        "{\"status\":\"OK\"}\n", http.post("/user/remove", json("userId", id), CDI).body());
    assertEquals(
        "{\"status\":\"UNKNOWN_USER_ID_ERROR\"}\n", http.get("/user/id?userId=" + id, CDI).body());
    assertEquals(0, get("/users/count").get("count").asLong());
    assertEquals(
        "{\"status\":\"OK\",\"sessionHandles\":[]}\n",
        http.get("/recipe/session/user?userId=" + id, CDI).body());
    // Its email is free again.
    TestUsers.signUp(http, email);
    assertEquals(
        "{\"status\":\"OK\"}\n",
        http.post("/user/remove", json("userId", "nobody", "removeAllLinkedAccounts", false), CDI)
            .body());
    assertEquals(
        "Only public tenantId can call this app specific API\n",
        http.post("/t1/user/remove", json("userId", id), CDI).body());
  }
}
