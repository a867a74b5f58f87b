package io.authcore.recipe.users;

import static io.authcore.recipe.users.TestUsers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.http.CdiVersion;
import io.authcore.support.Http.Reply;
import io.authcore.support.MutableClock;
import io.authcore.support.ServerOnEachBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The user object of every CDI version, byte for byte as the original 11.4.7 answered it for an
 * email-password user: without tenants below 3.0, the per-recipe shape below 4.0, the linked shape
 * from 4.0 and its WebAuthn block from 5.3.
 */
class UserShapesTest extends ServerOnEachBackend {
  static final List<String> VERSIONS =
      List.of("2.7", "2.12", "2.21", "3.0", "3.1", "4.0", "5.0", "5.2", "5.3", "5.4", "5.6");

  final MutableClock clock = new MutableClock(1_796_626_316_904L);

  @Override
  protected Map<String, String> overrides() {
    return Map.of("bcrypt_log_rounds", "4");
  }

  @Override
  protected Clock clock() {
    return clock;
  }

  static String[] cdi(String version) {
    return new String[] {"cdi-version", version};
  }

  /** The user object the original shows at {@code version}. */
  static String user(String version, String id, long time, String email) {
    CdiVersion v = CdiVersion.exactly(version).orElseThrow();
    if (v.below(CdiVersion.V4_0)) {
      String tenants = v.below(CdiVersion.V3_0) ? "" : "\"tenantIds\":[\"public\"],";
      return "{\"id\":\"%s\",\"timeJoined\":%d,%s\"email\":\"%s\"}"
          .formatted(id, time, tenants, email);
    }
    String webauthn = v.atLeast(CdiVersion.V5_3) ? "\"webauthn\":{\"credentialIds\":[]}," : "";
    return ("{\"id\":\"%1$s\",\"isPrimaryUser\":false,\"tenantIds\":[\"public\"],\"timeJoined\":%2$d,"
            + "\"emails\":[\"%3$s\"],\"phoneNumbers\":[],\"thirdParty\":[],%4$s"
            + "\"loginMethods\":[{\"tenantIds\":[\"public\"],\"recipeUserId\":\"%1$s\","
            + "\"verified\":false,\"timeJoined\":%2$d,\"recipeId\":\"emailpassword\","
            + "\"email\":\"%3$s\"}]}")
        .formatted(id, time, email, webauthn);
  }

  static String user(String version, Joined u) {
    return user(version, u.id(), u.time(), u.email());
  }

  static boolean linked(String version) {
    return CdiVersion.exactly(version).orElseThrow().atLeast(CdiVersion.V4_0);
  }

  Reply ok(Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    assertEquals("application/json;charset=UTF-8", reply.contentType());
    return reply;
  }

  /** A user signed up (at 5.4) one second after the last. */
  record Joined(String id, String email, long time) {}

  Joined join(String name) {
    String email = name + "-" + System.nanoTime() + "@example.com";
    clock.advance(Duration.ofSeconds(1));
    String body = json("email", email, "password", "password-123");
    Reply reply = ok(http.post("/recipe/signup", body, cdi("5.4")));
    return new Joined(reply.json().get("user").get("id").asText(), email, clock.millis());
  }

  @Test
  void signUpAndSignInAnswerEachVersionsShape() {
    for (String v : VERSIONS) {
      String email = "shape-" + v + "@example.com";
      clock.advance(Duration.ofSeconds(1));
      long joined = clock.millis();
      String body = json("email", email, "password", "password-123");
      Reply up = ok(http.post("/recipe/signup", body, cdi(v)));
      String id = up.json().get("user").get("id").asText();
      String recipeUserId = linked(v) ? ",\"recipeUserId\":\"" + id + "\"" : "";
      String expected =
          "{\"status\":\"OK\",\"user\":" + user(v, id, joined, email) + recipeUserId + "}\n";
      assertEquals(expected, up.body(), "sign-up at " + v);
      assertEquals(expected, ok(http.post("/recipe/signin", body, cdi(v))).body(), "at " + v);
    }
  }

  @Test
  void theDeprecatedUserLookupsAnswerEachVersionsShape() {
    for (String v : VERSIONS) {
      Joined u = join("lookup");
      String id = u.id();
      String email = u.email();
      String expected = "{\"status\":\"OK\",\"user\":" + user(v, id, u.time(), email) + "}\n";
      assertEquals(expected, ok(http.get("/recipe/user?userId=" + id, cdi(v))).body(), v);
      assertEquals(expected, ok(http.get("/recipe/user?email=" + email, cdi(v))).body(), v);
    }
  }

  @Test
  void importsAnswerEachVersionsShape() {
    String hash = "$2a$10$EtSxFjsA8jc7wQ2h6Dd2U.JHLxeOfyQTL3yDmbgaQzMQPILXg6RQW";
    for (String v : VERSIONS) {
      String email = "import-" + v + "@example.com";
      clock.advance(Duration.ofSeconds(1));
      Reply first =
          ok(
              http.post(
                  "/recipe/user/passwordhash/import",
                  json("email", email, "passwordHash", hash),
                  cdi(v)));
      String id = first.json().get("user").get("id").asText();
      assertEquals(
          "{\"status\":\"OK\",\"user\":"
              + user(v, id, clock.millis(), email)
              + ",\"didUserAlreadyExist\":false}\n",
          first.body(),
          v);
    }
  }

  @Test
  void usersListsWrapEachUserWithItsRecipeBeforeAccountLinking() {
    Joined u = join("listed");
    for (String v : VERSIONS) {
      String item =
          linked(v) ? user(v, u) : "{\"recipeId\":\"emailpassword\",\"user\":" + user(v, u) + "}";
      String expected = "{\"status\":\"OK\",\"users\":[" + item + "]}\n";
      // A search is listed the same way.
      assertEquals(expected, ok(http.get("/users?email=" + u.email(), cdi(v))).body(), v);
      Reply page = ok(http.get("/users?timeJoinedOrder=DESC&limit=1", cdi(v)));
      assertEquals("[" + item + "]", page.json().get("users").toString(), v);
    }
  }

  @Test
  void theAccountLinkingLookupsShowTheLinkedShapeAtEveryVersion() {
    Joined u = join("linked");
    for (String v : VERSIONS) {
      // The original answers them below 4.0 too, in the 4.0 shape (with tenants even below 3.0).
      String shownAs = linked(v) ? v : "4.0";
      String user = user(shownAs, u);
      assertEquals(
          "{\"status\":\"OK\",\"user\":" + user + "}\n",
          ok(http.get("/user/id?userId=" + u.id(), cdi(v))).body(),
          v);
      assertEquals(
          "{\"status\":\"OK\",\"users\":[" + user + "]}\n",
          ok(http.get(
                  "/users/by-accountinfo?email=" + u.email() + "&doUnionOfAccountInfo=true",
                  cdi(v)))
              .body(),
          v);
    }
  }

  @Test
  void aMappedUserShowsItsExternalIdInEveryShape() {
    Joined u = join("mapped");
    String external = "ext-" + u.id();
    ok(
        http.post(
            "/recipe/userid/map",
            json("superTokensUserId", u.id(), "externalUserId", external),
            cdi("5.4")));
    String body = json("email", u.email(), "password", "password-123");
    Joined shown = new Joined(external, u.email(), u.time());
    for (String v : List.of("2.21", "3.0", "4.0", "5.4")) {
      String recipeUserId = linked(v) ? ",\"recipeUserId\":\"" + external + "\"" : "";
      assertEquals(
          "{\"status\":\"OK\",\"user\":" + user(v, shown) + recipeUserId + "}\n",
          ok(http.post("/recipe/signin", body, cdi(v))).body(),
          v);
      assertEquals(
          "{\"status\":\"OK\",\"user\":" + user(v, shown) + "}\n",
          ok(http.get("/recipe/user?userId=" + external, cdi(v))).body(),
          v);
    }
  }
}
