package io.authcore.recipe.accountlinking;

import static io.authcore.recipe.accountlinking.LinkingFixture.CDI;
import static io.authcore.recipe.accountlinking.LinkingFixture.PATH;
import static io.authcore.recipe.accountlinking.LinkingFixture.status;
import static io.authcore.recipe.accountlinking.LinkingFixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The five account-linking endpoints through HTTP, with the answers the original 11.4.7 gave to the
 * same requests (the CDI kit replays them at every version; these pin the rules case by case).
 */
class AccountLinkingApiTest extends ServerOnEachBackend {
  LinkingFixture users;

  @BeforeEach
  void fixture() {
    users = new LinkingFixture(http);
  }

  @Test
  void makesPrimaryUsersAndLinksRecipeUsersToThem() {
    String email = unique("a") + "@ex.com";
    String ep = users.emailPassword(email);
    String tp = users.thirdParty(unique("g"), email);

    assertEquals(
        "{\"status\":\"OK\",\"wasAlreadyAPrimaryUser\":false}",
        http.get(PATH + "/primary/check?recipeUserId=" + ep, CDI).text());
    Reply primary = users.createPrimary(ep);
    assertEquals("OK", status(primary));
    assertFalse(primary.json().get("wasAlreadyAPrimaryUser").asBoolean());
    assertTrue(primary.json().get("user").get("isPrimaryUser").asBoolean());
    assertTrue(users.createPrimary(ep).json().get("wasAlreadyAPrimaryUser").asBoolean());

    assertEquals(
        "{\"status\":\"OK\",\"accountsAlreadyLinked\":false}",
        http.get(PATH + "/link/check?recipeUserId=" + tp + "&primaryUserId=" + ep, CDI).text());
    Reply linked = users.link(tp, ep);
    assertEquals("OK", status(linked));
    assertFalse(linked.json().get("accountsAlreadyLinked").asBoolean());
    JsonNode group = linked.json().get("user");
    assertEquals(ep, group.get("id").asText());
    assertEquals(2, group.get("loginMethods").size());
    assertEquals(ep, group.get("loginMethods").get(0).get("recipeUserId").asText());
    assertEquals(tp, group.get("loginMethods").get(1).get("recipeUserId").asText());

    // Any member names the group, as the recipe user and as the primary user.
    assertEquals(ep, users.user(tp).json().get("user").get("id").asText());
    assertTrue(users.link(tp, ep).json().get("accountsAlreadyLinked").asBoolean());
    assertTrue(users.link(tp, tp).json().get("accountsAlreadyLinked").asBoolean());
    Reply byEmail =
        http.get("/users/by-accountinfo?email=" + email + "&doUnionOfAccountInfo=false", CDI);
    assertEquals(1, byEmail.json().get("users").size());
    assertEquals(2, byEmail.json().get("users").get(0).get("loginMethods").size());
  }

  @Test
  void refusesWithTheOriginalsStatuses() {
    String email = unique("b") + "@ex.com";
    String ep = users.emailPassword(email);
    String tp = users.thirdParty(unique("g"), email);
    String other = users.emailPassword(unique("c") + "@ex.com");
    assertEquals("OK", status(users.createPrimary(ep)));

    String held =
        "{\"status\":\"ACCOUNT_INFO_ALREADY_ASSOCIATED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR\","
            + "\"primaryUserId\":\""
            + ep
            + "\",\"description\":\"This user's email is already associated with another user"
            + " ID\"}";
    assertEquals(held, users.createPrimary(tp).text());
    assertEquals(held, http.get(PATH + "/primary/check?recipeUserId=" + tp, CDI).text());
    assertEquals("{\"status\":\"INPUT_USER_IS_NOT_A_PRIMARY_USER\"}", users.link(tp, other).text());

    users.group(other, users.thirdParty(unique("g"), unique("d") + "@ex.com"));
    assertEquals(held, users.link(tp, other).text());
    assertEquals("OK", status(users.link(tp, ep)));
    String elsewhere =
        "{\"status\":\"RECIPE_USER_ID_ALREADY_LINKED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR\","
            + "\"primaryUserId\":\""
            + ep
            + "\",\"description\":\"The input recipe user ID is already linked to another user"
            + " ID\"";
    assertEquals(
        elsewhere + "}",
        http.get(PATH + "/link/check?recipeUserId=" + tp + "&primaryUserId=" + other, CDI).text());
    Reply refused = users.link(tp, other);
    assertTrue(refused.text().startsWith(elsewhere + ",\"user\":{\"id\":\"" + ep), refused.body());
    assertEquals(
        "{\"status\":\"RECIPE_USER_ID_ALREADY_LINKED_WITH_PRIMARY_USER_ID_ERROR\","
            + "\"primaryUserId\":\""
            + ep
            + "\",\"description\":\"This user ID is already linked to another user ID\"}",
        users.createPrimary(tp).text());

    assertEquals(400, users.createPrimary("nobody").status());
    assertEquals("Unknown user ID provided", users.link("nobody", ep).text());
    assertEquals("Unknown user ID provided", users.link(tp, "nobody").text());
    assertEquals("Unknown user ID provided", users.unlink("nobody").text());
    assertEquals(
        "Field name 'recipeUserId' is missing in GET request",
        http.get(PATH + "/primary/check", CDI).text());
    assertEquals(
        "Field name 'primaryUserId' is invalid in JSON input",
        http.post(PATH + "/link", "{\"recipeUserId\":\"" + tp + "\"}", CDI).text());
  }

  @Test
  void unlinksOrDeletesThePrimarysOwnLoginMethod() {
    String email = unique("e") + "@ex.com";
    String ep = users.emailPassword(email);
    String tp = users.thirdParty(unique("g"), email);
    String unlinkedBody = "{\"status\":\"OK\",\"wasRecipeUserDeleted\":false,\"wasLinked\":";
    assertEquals(unlinkedBody + "false}", users.unlink(tp).text());

    users.group(ep, tp);
    assertEquals(unlinkedBody + "true}", users.unlink(tp).text());
    assertFalse(users.user(tp).json().get("user").get("isPrimaryUser").asBoolean());
    assertEquals(unlinkedBody + "false}", users.unlink(tp).text());
    // A primary user alone stops being primary.
    assertEquals(unlinkedBody + "true}", users.unlink(ep).text());
    assertFalse(users.user(ep).json().get("user").get("isPrimaryUser").asBoolean());

    users.group(ep, tp);
    assertEquals(
        "{\"status\":\"OK\",\"wasRecipeUserDeleted\":true,\"wasLinked\":true}",
        users.unlink(ep).text());
    JsonNode group = users.user(tp).json().get("user");
    assertEquals(ep, group.get("id").asText());
    assertEquals(1, group.get("loginMethods").size());
    assertEquals(tp, group.get("loginMethods").get(0).get("recipeUserId").asText());
  }

  @Test
  void linkingEndsTheRecipeUsersOwnSessions() {
    String email = unique("s") + "@ex.com";
    String ep = users.emailPassword(email);
    String tp = users.thirdParty(unique("g"), email);
    String epHandle = session(ep);
    String tpHandle = session(tp);
    users.group(ep, tp);
    assertEquals(
        "UNAUTHORISED", status(http.get("/recipe/session?sessionHandle=" + tpHandle, CDI)));
    assertEquals("OK", status(http.get("/recipe/session?sessionHandle=" + epHandle, CDI)));
    // A session made after the link shows the primary user and its recipe user.
    String after = session(tp);
    JsonNode info = http.get("/recipe/session?sessionHandle=" + after, CDI).json();
    assertEquals(ep, info.get("userId").asText());
    assertEquals(tp, info.get("recipeUserId").asText());
    Reply all = http.get("/recipe/session/user?userId=" + ep, CDI);
    assertEquals(2, all.json().get("sessionHandles").size());
    Reply own =
        http.get(
            "/recipe/session/user?userId=" + ep + "&fetchSessionsForAllLinkedAccounts=false", CDI);
    assertEquals("[\"" + epHandle + "\"]", own.json().get("sessionHandles").toString());
  }

  String session(String userId) {
    Reply r =
        http.post(
            "/recipe/session",
            "{\"userId\":\""
                + userId
                + "\",\"enableAntiCsrf\":false,\"userDataInJWT\":{},\"userDataInDatabase\":{}}",
            CDI);
    assertEquals(200, r.status(), r.body());
    return r.json().get("session").get("handle").asText();
  }

  @Test
  void aGroupsEmailCannotMoveToAnotherPrimaryUsersEmail() {
    String taken = unique("t") + "@ex.com";
    users.createPrimary(users.emailPassword(taken));
    String email = unique("m") + "@ex.com";
    String ep = users.emailPassword(email);
    String tpUserId = unique("g");
    String tp = users.thirdParty(tpUserId, email);
    users.group(ep, tp);

    assertEquals(
        "{\"status\":\"EMAIL_CHANGE_NOT_ALLOWED_ERROR\",\"reason\":\"New email is associated with"
            + " another primary user ID\"}",
        http.put(
                "/recipe/user",
                "{\"recipeUserId\":\"" + ep + "\",\"email\":\"" + taken + "\"}",
                new String[] {"cdi-version", "5.4", "rId", "emailpassword"})
            .text());
    // Another email-password user's email, not a primary user's: a duplicate, as the original says.
    String plain = unique("n") + "@ex.com";
    users.emailPassword(plain);
    assertEquals(
        "{\"status\":\"EMAIL_ALREADY_EXISTS_ERROR\"}",
        http.put(
                "/recipe/user",
                "{\"recipeUserId\":\"" + ep + "\",\"email\":\"" + plain + "\"}",
                new String[] {"cdi-version", "5.4", "rId", "emailpassword"})
            .text());
    String refused =
        "{\"status\":\"EMAIL_CHANGE_NOT_ALLOWED_ERROR\",\"reason\":\"Email already associated with"
            + " another primary user.\"}";
    assertEquals(refused, users.signInUp("", tpUserId, taken).text());
    // 2.7 SDKs get the same answer where the original fails with a 500.
    Reply old =
        http.post(
            "/recipe/signinup",
            "{\"thirdPartyId\":\"google\",\"thirdPartyUserId\":\""
                + tpUserId
                + "\",\"email\":{\"id\":\""
                + taken
                + "\",\"isVerified\":false}}",
            new String[] {"cdi-version", "2.7"});
    assertEquals(200, old.status());
    assertEquals(refused, old.text());
    assertEquals("[\"" + email + "\"]", users.user(ep).json().get("user").get("emails").toString());
  }

  @Test
  void aGroupJoinsATenantOnlyWhereNoOtherPrimaryUserHoldsItsEmail() {
    String tenant = unique("lt");
    assertEquals(
        "OK",
        status(
            http.put("/recipe/multitenancy/tenant/v2", "{\"tenantId\":\"" + tenant + "\"}", CDI)));
    String email = unique("j") + "@ex.com";
    String ep = users.emailPassword(email);
    String tp = users.thirdParty(unique("g"), email);
    users.group(ep, tp);
    String there = users.thirdParty("/" + tenant, unique("g"), email);
    assertEquals("OK", status(users.createPrimary(there)));

    String path = "/" + tenant + "/recipe/multitenancy/tenant/user";
    // The group has a third-party login method with the email: a duplicate within the recipe.
    assertEquals(
        "{\"status\":\"EMAIL_ALREADY_EXISTS_ERROR\"}",
        http.post(path, "{\"recipeUserId\":\"" + ep + "\"}", CDI).text());
    users.unlink(tp);
    assertEquals(
        "{\"status\":\"ASSOCIATION_NOT_ALLOWED_ERROR\",\"reason\":\"Another primary user with email"
            + " already exists: "
            + there
            + "\"}",
        http.post(path, "{\"recipeUserId\":\"" + ep + "\"}", CDI).text());
    assertEquals("[\"public\"]", users.user(ep).json().get("user").get("tenantIds").toString());
    // Account linking is app-wide: from 5.0 only through the public tenant.
    assertEquals(
        403, http.get("/" + tenant + PATH + "/primary/check?recipeUserId=" + ep, CDI).status());
  }

  @Test
  void removingAMemberKeepsTheGroupAndRemovingAllTakesIt() {
    String email = unique("r") + "@ex.com";
    String ep = users.emailPassword(email);
    String tp = users.thirdParty(unique("g"), email);
    String tp2 = users.thirdParty(unique("g"), email);
    users.group(ep, tp);
    assertEquals("OK", status(users.link(tp2, ep)));
    http.post(
        "/user/remove", "{\"userId\":\"" + tp2 + "\",\"removeAllLinkedAccounts\":false}", CDI);
    assertEquals(2, users.user(ep).json().get("user").get("loginMethods").size());
    http.post("/user/remove", "{\"userId\":\"" + tp + "\"}", CDI);
    assertEquals("UNKNOWN_USER_ID_ERROR", status(users.user(ep)));
    assertEquals("UNKNOWN_USER_ID_ERROR", status(users.user(tp)));
  }

  @Test
  void aGroupListsItsEmailsAndLoginsInTheOriginalsSetOrder() {
    // What the original 11.4.7 answered for this group: its hash sets' order, not the members'.
    String ep = users.emailPassword("zeta@example.com");
    String google = users.thirdParty("Q", "alpha@example.com");
    Reply apple =
        http.post(
            "/recipe/signinup",
            "{\"thirdPartyId\":\"apple\",\"thirdPartyUserId\":\"R\","
                + "\"email\":{\"id\":\"mid@example.com\",\"isVerified\":true}}",
            CDI);
    users.group(ep, google);
    JsonNode group = users.link(apple.json().get("recipeUserId").asText(), ep).json().get("user");
    assertEquals(
        "[\"alpha@example.com\",\"zeta@example.com\",\"mid@example.com\"]",
        group.get("emails").toString());
    assertEquals(
        "[{\"id\":\"apple\",\"userId\":\"R\"},{\"id\":\"google\",\"userId\":\"Q\"}]",
        group.get("thirdParty").toString());
  }
}
