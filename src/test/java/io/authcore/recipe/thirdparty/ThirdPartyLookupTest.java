package io.authcore.recipe.thirdparty;

import static io.authcore.recipe.thirdparty.ThirdPartySignInUpTest.body;
import static io.authcore.recipe.thirdparty.ThirdPartySignInUpTest.cdi;
import static io.authcore.recipe.thirdparty.ThirdPartySignInUpTest.fresh;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.recipe.users.TestUsers;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The deprecated third-party lookups and the shared user endpoints seeing third-party users, as the
 * original 11.4.7 answers them.
 */
class ThirdPartyLookupTest extends ServerOnEachBackend {
  static final String[] RID = {"rid", "thirdparty", "cdi-version", "5.4"};

  @Override
  protected Map<String, String> overrides() {
    return Map.of("bcrypt_log_rounds", "4");
  }

  JsonUser signInUp(String tp, String email) {
    Reply reply = http.post("/recipe/signinup", body(tp, email, true), cdi("5.4"));
    assertEquals(200, reply.status(), reply.body());
    return new JsonUser(
        reply.json().get("user").get("id").asText(), reply.json().get("user").toString());
  }

  record JsonUser(String id, String json) {}

  static String answer(Reply reply) {
    return reply.status() + " " + reply.body().strip();
  }

  @Test
  void recipeUserByIdOrIdentityWithTheThirdPartyRid() {
    String tp = fresh();
    JsonUser user = signInUp(tp, "look@ex.com");
    String ok = "200 {\"status\":\"OK\",\"user\":" + user.json() + "}";
    assertEquals(ok, answer(http.get("/recipe/user?userId=" + user.id(), RID)));
    assertEquals(
        ok, answer(http.get("/recipe/user?thirdPartyId=google&thirdPartyUserId=" + tp, RID)));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}",
        answer(http.get("/recipe/user?userId=nope", RID)));
    String ep = TestUsers.signUp(http, TestUsers.email("ep"));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}",
        answer(http.get("/recipe/user?userId=" + ep, RID)));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_THIRD_PARTY_USER_ERROR\"}",
        answer(http.get("/recipe/user?thirdPartyId=google&thirdPartyUserId=nope", RID)));
    String none = "400 Please provide one of userId or (thirdPartyId & thirdPartyUserId)";
    assertEquals(none, answer(http.get("/recipe/user", RID)));
    assertEquals(none, answer(http.get("/recipe/user?thirdPartyId=google", RID)));
    assertEquals(
        "400 Please provide only one of userId or (thirdPartyId & thirdPartyUserId)",
        answer(http.get("/recipe/user?userId=x&thirdPartyId=google&thirdPartyUserId=" + tp, RID)));
    Reply old =
        http.get("/recipe/user?userId=" + user.id(), "rid", "thirdparty", "cdi-version", "2.21");
    assertEquals(200, old.status(), old.body());
    assertEquals(
        "{\"id\":\""
            + user.id()
            + "\",\"timeJoined\":"
            + old.json().get("user").get("timeJoined")
            + ",\"email\":\"look@ex.com\",\"thirdParty\":{\"id\":\"google\",\"userId\":\""
            + tp
            + "\"}}",
        old.json().get("user").toString());
  }

  @Test
  void usersByEmailListsTheTenantsThirdPartyUsers() {
    String email = TestUsers.email("same");
    JsonUser first = signInUp(fresh(), email);
    JsonUser second = signInUp(fresh(), email);
    assertEquals(
        "200 {\"status\":\"OK\",\"users\":[" + first.json() + "," + second.json() + "]}",
        answer(http.get("/recipe/users/by-email?email=" + email.toUpperCase(), cdi("5.4"))));
    TestUsers.signUp(http, "ep-" + email);
    assertEquals(
        "200 {\"status\":\"OK\",\"users\":[]}",
        answer(http.get("/recipe/users/by-email?email=ep-" + email, cdi("5.4"))));
    assertEquals(
        "400 Field name 'email' is missing in GET request",
        answer(http.get("/recipe/users/by-email", cdi("5.4"))));
  }

  @Test
  void sharedUserEndpointsSeeThirdPartyUsers() {
    String tp = fresh();
    JsonUser user = signInUp(tp, "shared@ex.com");
    assertEquals(
        "200 {\"status\":\"OK\",\"user\":" + user.json() + "}",
        answer(http.get("/user/id?userId=" + user.id(), cdi("5.4"))));
    Reply byInfo =
        http.get(
            "/users/by-accountinfo?doUnionOfAccountInfo=false&thirdPartyId=google&thirdPartyUserId="
                + tp,
            cdi("5.4"));
    assertEquals("200 {\"status\":\"OK\",\"users\":[" + user.json() + "]}", answer(byInfo));
    Reply listed =
        http.get("/users?includeRecipeIds=thirdparty&provider=google&limit=500", cdi("5.4"));
    assertEquals(200, listed.status(), listed.body());
    assertEquals(true, listed.body().contains(user.json()), listed.body());
    Reply count = http.get("/users/count?includeRecipeIds=thirdparty", cdi("5.4"));
    assertEquals(200, count.status(), count.body());
    long before = count.json().get("count").asLong();
    assertEquals(
        "200 {\"status\":\"OK\"}",
        answer(http.post("/user/remove", "{\"userId\":\"" + user.id() + "\"}", cdi("5.4"))));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_THIRD_PARTY_USER_ERROR\"}",
        answer(http.get("/recipe/user?thirdPartyId=google&thirdPartyUserId=" + tp, RID)));
    assertEquals(
        before - 1,
        http.get("/users/count?includeRecipeIds=thirdparty", cdi("5.4"))
            .json()
            .get("count")
            .asLong());
    // The identity is free again: signing in makes a new user.
    Reply again = http.post("/recipe/signinup", body(tp, "shared@ex.com", false), cdi("5.4"));
    assertEquals(true, again.json().get("createdNewUser").asBoolean(), again.body());
  }

  @Test
  void aMappedThirdPartyUserIsShownWithItsExternalId() {
    String tp = fresh();
    JsonUser user = signInUp(tp, "mapped@ex.com");
    String external = "ext-" + tp;
    Reply mapped =
        http.post(
            "/recipe/userid/map",
            "{\"superTokensUserId\":\"" + user.id() + "\",\"externalUserId\":\"" + external + "\"}",
            cdi("5.4"));
    assertEquals("200 {\"status\":\"OK\"}", answer(mapped));
    Reply signedIn = http.post("/recipe/signinup", body(tp, "mapped@ex.com", true), cdi("5.4"));
    assertEquals(external, signedIn.json().get("recipeUserId").asText(), signedIn.body());
    assertEquals(external, signedIn.json().get("user").get("id").asText(), signedIn.body());
    Reply byId = http.get("/recipe/user?userId=" + external, RID);
    assertEquals(external, byId.json().get("user").get("id").asText(), byId.body());
  }
}
