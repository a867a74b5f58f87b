package io.authcore.recipe.emailpassword;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.recipe.users.TestUsers;
import io.authcore.support.Backend;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import io.authcore.support.TestServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;

/** Sign-up, sign-in and the user lookups over HTTP, on both storages. */
class EmailPasswordApiTest extends ServerOnEachBackend {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final String[] CDI_EP = {"cdi-version", "5.4", "rid", "emailpassword"};

  // Cheap hashes keep the suite fast; the format test below checks the default cost.
  @Override
  protected Map<String, String> overrides() {
    return Map.of("bcrypt_log_rounds", "4");
  }

  static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  Reply post(String path, String body) {
    return http.post(path, body, CDI);
  }

  static String credentials(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  JsonNode signUp(String email, String password) {
    Reply reply = post("/public/recipe/signup", credentials(email, password));
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  static List<String> keys(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  @Test
  void signUpAnswersTheUserInTheOriginalsShape() {
    String email = unique("alice");
    JsonNode out = signUp(email, "correct-horse-42");
    assertEquals(List.of("status", "user", "recipeUserId"), keys(out));
    assertEquals("OK", out.get("status").asText());
    JsonNode user = out.get("user");
    String id = user.get("id").asText();
    assertEquals(36, id.length());
    assertEquals(id, out.get("recipeUserId").asText());
    long joined = user.get("timeJoined").asLong();
    assertTrue(Math.abs(System.currentTimeMillis() - joined) < 60_000);
    assertEquals(
        "{\"id\":\""
            + id
            + "\",\"isPrimaryUser\":false,\"tenantIds\":[\"public\"],\"timeJoined\":"
            + joined
            + ",\"emails\":[\""
            + email
            + "\"],\"phoneNumbers\":[],\"thirdParty\":[],\"webauthn\":{\"credentialIds\":[]},"
            + "\"loginMethods\":[{\"tenantIds\":[\"public\"],\"recipeUserId\":\""
            + id
            + "\",\"verified\":false,\"timeJoined\":"
            + joined
            + ",\"recipeId\":\"emailpassword\",\"email\":\""
            + email
            + "\"}]}",
        user.toString());
  }

  @Test
  void emailsAreTrimmedAndLowerCasedAndUniquePerTenant() {
    String email = unique("bob");
    JsonNode out = signUp("  " + email.toUpperCase() + " ", "pw-123456");
    assertEquals(email, out.get("user").get("emails").get(0).asText());

    Reply again = post("/public/recipe/signup", credentials(email.toUpperCase(), "other-pw"));
    assertEquals("{\"status\":\"EMAIL_ALREADY_EXISTS_ERROR\"}\n", again.body());

    JsonNode in =
        post("/public/recipe/signin", credentials(" " + email.toUpperCase(), "pw-123456")).json();
    assertEquals("OK", in.get("status").asText());
    assertEquals(out.get("user"), in.get("user"));
    assertEquals(out.get("recipeUserId"), in.get("recipeUserId"));
  }

  @Test
  void ofConcurrentSignUpsWithOneEmailExactlyOneSucceeds() throws Exception {
    for (int round = 0; round < 3; round++) {
      String email = unique("race");
      List<CompletableFuture<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        replies.add(
            CompletableFuture.supplyAsync(
                () -> post("/public/recipe/signup", credentials(email, "pw-123456"))));
      }
      List<String> statuses = new ArrayList<>();
      for (CompletableFuture<Reply> reply : replies) {
        Reply r = reply.get();
        assertEquals(200, r.status(), r.body());
        statuses.add(r.json().get("status").asText());
      }
      assertEquals(1, statuses.stream().filter("OK"::equals).count(), statuses.toString());
      assertEquals(
          5,
          statuses.stream().filter("EMAIL_ALREADY_EXISTS_ERROR"::equals).count(),
          statuses.toString());
    }
  }

  @Test
  void wrongPasswordAndUnknownEmailAnswerAlike() {
    String email = unique("carol");
    signUp(email, "right-password");
    String wrong = "{\"status\":\"WRONG_CREDENTIALS_ERROR\"}\n";
    assertEquals(wrong, post("/public/recipe/signin", credentials(email, "wrong")).body());
    assertEquals(
        wrong,
        post("/public/recipe/signin", credentials(unique("nobody"), "right-password")).body());
    // Without the default tenant prefix as well.
    assertEquals(wrong, post("/recipe/signin", credentials(email, "Right-password")).body());
    assertEquals(
        "OK",
        post("/recipe/signin", credentials(email, "right-password")).json().get("status").asText());
  }

  @Test
  void anUnknownEmailTakesAsLongAsAWrongPassword() {
    // A cost where a hash clearly outweighs the request itself.
    try (TestServer slow =
        TestServer.start(backend, Map.of("bcrypt_log_rounds", "10"), Clock.systemUTC())) {
      String email = unique("timing");
      slow.http().post("/recipe/signup", credentials(email, "pw-123456"), CDI);
      long wrong = Long.MAX_VALUE;
      long unknown = Long.MAX_VALUE;
      for (int i = 0; i < 5; i++) {
        wrong = Math.min(wrong, timeSignIn(slow, email));
        unknown = Math.min(unknown, timeSignIn(slow, unique("unknown")));
      }
      assertTrue(unknown > wrong / 2 && unknown < wrong * 2, wrong + " vs " + unknown + " ns");
    }
  }

  static long timeSignIn(TestServer server, String email) {
    long start = System.nanoTime();
    Reply reply = server.http().post("/recipe/signin", credentials(email, "not-it"), CDI);
    long took = System.nanoTime() - start;
    assertEquals("{\"status\":\"WRONG_CREDENTIALS_ERROR\"}\n", reply.body());
    return took;
  }

  @Test
  void passwordsLongerThanTheCapAreRefusedOrFail() {
    String email = unique("long");
    String tooLong = "p".repeat(4097);
    Reply reply = post("/public/recipe/signup", credentials(email, tooLong));
    assertEquals(400, reply.status());
    assertEquals("Password cannot be longer than 4096 bytes\n", reply.body());

    String longest = "p".repeat(4096);
    signUp(email, longest);
    assertEquals(
        "OK",
        post("/public/recipe/signin", credentials(email, longest)).json().get("status").asText());
    assertEquals(
        "WRONG_CREDENTIALS_ERROR",
        post("/public/recipe/signin", credentials(email, tooLong)).json().get("status").asText());
  }

  @Test
  void passwordsDifferingAfterByte72DoNotMatch() {
    String email = unique("bcrypt72");
    String base = "x".repeat(72);
    signUp(email, base + "-one");
    assertEquals(
        "WRONG_CREDENTIALS_ERROR",
        post("/public/recipe/signin", credentials(email, base + "-two"))
            .json()
            .get("status")
            .asText());
    assertEquals(
        "WRONG_CREDENTIALS_ERROR",
        post("/public/recipe/signin", credentials(email, base)).json().get("status").asText());
    assertEquals(
        "OK",
        post("/public/recipe/signin", credentials(email, base + "-one"))
            .json()
            .get("status")
            .asText());
  }

  @Test
  void badInputGetsTheOriginalsTexts() {
    Reply missing = post("/public/recipe/signup", "{\"email\":\"a@b.c\"}");
    assertEquals(400, missing.status());
    assertEquals("Field name 'password' is invalid in JSON input\n", missing.body());
    assertEquals("Invalid Json Input\n", post("/public/recipe/signup", "not json").body());
    assertEquals(
        "Password cannot be an empty string\n",
        post("/public/recipe/signup", credentials(unique("empty"), "")).body());
    assertEquals(
        "Field name 'email' is invalid in JSON input\n",
        post("/public/recipe/signin", "{\"email\":1,\"password\":\"x\"}").body());
  }

  @Test
  void eachTenantHasItsOwnUsersForAnEmail() {
    if (backend != Backend.POSTGRES) {
      return; // tenants are created in the database until the multitenancy API exists
    }
    String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
    TestUsers.addTenant(server.database(), tenant);
    String email = unique("tenants");
    String inPublic = signUp(email, "pw-public").get("user").get("id").asText();
    Reply other = post("/" + tenant + "/recipe/signup", credentials(email, "pw-tenant"));
    JsonNode user = other.json().get("user");
    assertEquals(List.of(tenant), List.of(user.get("tenantIds").get(0).asText()));
    assertNotEquals(inPublic, user.get("id").asText());
    assertEquals(
        "WRONG_CREDENTIALS_ERROR",
        post("/" + tenant + "/recipe/signin", credentials(email, "pw-public"))
            .json()
            .get("status")
            .asText());
    assertEquals(
        user.get("id").asText(),
        post("/" + tenant + "/recipe/signin", credentials(email, "pw-tenant"))
            .json()
            .get("user")
            .get("id")
            .asText());
    JsonNode listed = http.get("/" + tenant + "/users", CDI).json();
    assertEquals(1, listed.get("users").size());
    assertEquals(user, listed.get("users").get(0));
    assertEquals(1, http.get("/" + tenant + "/users/count", CDI).json().get("count").asLong());
    assertEquals(
        "Only public tenantId can call this app specific API\n",
        http.get("/" + tenant + "/users/count?includeAllTenants=true", CDI).body());
    // Password-reset tokens belong to the app: one made in the tenant is consumed anywhere.
    String token =
        post(
                "/" + tenant + "/recipe/user/password/reset/token",
                "{\"userId\":\"" + user.get("id").asText() + "\",\"email\":\"" + email + "\"}")
            .json()
            .get("token")
            .asText();
    assertEquals(
        "OK",
        post("/public/recipe/user/password/reset/token/consume", "{\"token\":\"" + token + "\"}")
            .json()
            .get("status")
            .asText());
  }

  @Test
  void fakeEmailsAreVerifiedFromTheStart() {
    String email = UUID.randomUUID() + "@stfakeemail.supertokens.com";
    JsonNode user = signUp(email, "pw-123456").get("user");
    assertTrue(user.get("loginMethods").get(0).get("verified").asBoolean());
    String id = user.get("id").asText();
    assertEquals(
        "{\"status\":\"OK\",\"isVerified\":true}\n",
        http.get("/recipe/user/email/verify?userId=" + id + "&email=" + email, CDI).body());
  }

  @Test
  void getUserByIdOrEmail() {
    String email = unique("dave");
    JsonNode user = signUp(email, "pw-123456").get("user");
    String id = user.get("id").asText();
    assertEquals(
        "{\"status\":\"OK\",\"user\":" + user + "}\n",
        http.get("/recipe/user?userId=" + id, CDI).body());
    assertEquals(
        "{\"status\":\"OK\",\"user\":" + user + "}\n",
        http.get("/public/recipe/user?email=" + email.toUpperCase(), CDI_EP).body());
    assertEquals(
        "{\"status\":\"UNKNOWN_USER_ID_ERROR\"}\n",
        http.get("/recipe/user?userId=" + UUID.randomUUID(), CDI).body());
    assertEquals(
        "{\"status\":\"UNKNOWN_EMAIL_ERROR\"}\n",
        http.get("/recipe/user?email=" + unique("none"), CDI).body());
    assertEquals(
        "Please provide only one of userId or email\n",
        http.get("/recipe/user?userId=a&email=b", CDI).body());
    assertEquals("Please provide one of userId or email\n", http.get("/recipe/user", CDI).body());
  }

  @Test
  void newHashesUseTheConfiguredAlgorithmAndCost() {
    try (TestServer defaults = TestServer.start(backend, Map.of(), Clock.systemUTC());
        TestServer argon =
            TestServer.start(
                backend,
                Map.of("password_hashing_alg", "ARGON2", "argon2_memory_kb", "1024"),
                Clock.systemUTC())) {
      String email = unique("formats");
      String body = credentials(email, "pw-123456");
      assertEquals(
          "OK", defaults.http().post("/recipe/signup", body, CDI).json().get("status").asText());
      assertEquals(
          "OK", argon.http().post("/recipe/signup", body, CDI).json().get("status").asText());
      if (backend == Backend.POSTGRES) {
        String query = "SELECT password_hash FROM emailpassword_users WHERE email = ?";
        String bcryptHash = TestUsers.rows(defaults.database(), query, email).get(0).get(0);
        assertTrue(bcryptHash.startsWith("$2a$11$"), bcryptHash);
        String argonHash = TestUsers.rows(argon.database(), query, email).get(0).get(0);
        assertTrue(argonHash.startsWith("$argon2id$v=19$m=1024,t=1,p=2$"), argonHash);
      }
      // Whatever it is configured with, a server verifies every format it may find.
      String bcrypt = BCrypt.hashpw("imported-pw", BCrypt.gensalt(5));
      String imported = unique("cross");
      Reply reply =
          argon
              .http()
              .post(
                  "/recipe/user/passwordhash/import",
                  "{\"email\":\"" + imported + "\",\"passwordHash\":\"" + bcrypt + "\"}",
                  CDI);
      assertEquals("OK", reply.json().get("status").asText(), reply.body());
      assertEquals(
          "OK",
          argon
              .http()
              .post("/recipe/signin", credentials(imported, "imported-pw"), CDI)
              .json()
              .get("status")
              .asText());
      assertNotEquals(defaults.port(), argon.port());
    }
  }
}
