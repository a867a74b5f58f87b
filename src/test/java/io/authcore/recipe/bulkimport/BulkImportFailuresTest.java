package io.authcore.recipe.bulkimport;

import static io.authcore.recipe.bulkimport.BulkCalls.PASSWORD;
import static io.authcore.recipe.bulkimport.BulkCalls.emailPassword;
import static io.authcore.recipe.bulkimport.BulkCalls.emailPasswordMethod;
import static io.authcore.recipe.bulkimport.BulkCalls.fresh;
import static io.authcore.recipe.bulkimport.BulkCalls.passwordlessMethod;
import static io.authcore.recipe.bulkimport.BulkCalls.thirdPartyMethod;
import static io.authcore.recipe.bulkimport.BulkCalls.user;
import static io.authcore.recipe.bulkimport.SignIns.awaitDrained;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the original answers when a user cannot be imported, on both storages: {@code
 * /bulk-import/import} refuses it with a 400 of its reasons; a queued one ends FAILED with the
 * reason as its {@code errorMessage}, while the others of its batch are imported. Where the
 * original's answer is an accident (a duplicate third-party login answers {@code ["translated"]}, a
 * taken external id the database's error text), Authcore answers the reason the original's code
 * means to give ({@code E005}, {@code E031}).
 */
class BulkImportFailuresTest extends ServerOnEachBackend {
  BulkCalls bulk() {
    return new BulkCalls(http);
  }

  static String errors(String... errors) {
    StringBuilder out = new StringBuilder("{\"errors\":[");
    for (int i = 0; i < errors.length; i++) {
      out.append(i == 0 ? "" : ",").append(io.authcore.http.Json.write(errors[i]));
    }
    return out.append("]}").toString();
  }

  void assertRefused(String app, String body, String expected) {
    Reply reply = bulk().importNow(app, body, "5.4");
    assertEquals(400, reply.status(), reply.body());
    assertEquals(expected, BulkImportValidationTest.withoutIds(reply.text()));
    assertEquals("text/html;charset=UTF-8", reply.contentType());
  }

  @Test
  void oneUserIsImportedAtOnceAndShownAsAtEachVersion() {
    String app = bulk().freshApp();
    String ext = fresh("ext");
    String email = fresh("imp") + "@b.com";
    Reply ep =
        bulk()
            .importNow(
                app,
                user(
                    "\"externalUserId\":\"" + ext + "\",\"userMetadata\":{\"k\":\"v\"}",
                    emailPasswordMethod(
                        email, ",\"isVerified\":true,\"timeJoinedInMSSinceEpoch\":1700000000000")),
                "5.4");
    assertEquals(
        "{\"status\":\"OK\",\"user\":{\"id\":\""
            + ext
            + "\",\"isPrimaryUser\":false,\"tenantIds\":[\"public\"],\"timeJoined\":1700000000000,"
            + "\"emails\":[\""
            + email
            + "\"],\"phoneNumbers\":[],\"thirdParty\":[],\"webauthn\":{\"credentialIds\":[]},"
            + "\"loginMethods\":[{\"tenantIds\":[\"public\"],\"recipeUserId\":\""
            + ext
            + "\",\"verified\":true,\"timeJoined\":1700000000000,\"recipeId\":\"emailpassword\","
            + "\"email\":\""
            + email
            + "\"}]}}",
        ep.text());
    String tpUser = fresh("x");
    Reply tp =
        bulk()
            .importNow(
                app,
                user(
                    "",
                    thirdPartyMethod(
                        "imp2@b.com",
                        "google",
                        tpUser,
                        ",\"timeJoinedInMSSinceEpoch\":1700000000000")),
                "5.2");
    String id = tp.json().get("user").get("id").textValue();
    assertEquals(
        "{\"status\":\"OK\",\"user\":{\"id\":\""
            + id
            + "\",\"isPrimaryUser\":false,\"tenantIds\":[\"public\"],\"timeJoined\":1700000000000,"
            + "\"emails\":[\"imp2@b.com\"],\"phoneNumbers\":[],\"thirdParty\":[{\"id\":\"google\","
            + "\"userId\":\""
            + tpUser
            + "\"}],\"loginMethods\":[{\"tenantIds\":[\"public\"],\"recipeUserId\":\""
            + id
            + "\",\"verified\":false,\"timeJoined\":1700000000000,\"recipeId\":\"thirdparty\","
            + "\"email\":\"imp2@b.com\",\"thirdParty\":{\"id\":\"google\",\"userId\":\""
            + tpUser
            + "\"}}]}}",
        tp.text());
    // Below 4.0 too, the linked shape: the endpoint came with it.
    Reply pl =
        bulk()
            .importNow(
                app, user("", passwordlessMethod("email", fresh("pl") + "@b.com", "")), "2.7");
    assertTrue(pl.json().get("user").has("loginMethods"), pl.body());
    assertTrue(!pl.json().get("user").has("webauthn"), pl.body());
    new SignIns(http).emailPassword(app, email, PASSWORD);
    assertEquals(
        "{\"metadata\":{\"k\":\"v\"},\"status\":\"OK\"}",
        http.get(app + "/recipe/user/metadata?userId=" + ext, BulkCalls.cdi("5.4")).text());
  }

  @Test
  void aUserThatCannotBeImportedAtOnceIsRefusedWithItsReasons() {
    String app = bulk().freshApp();
    String ext = fresh("ext");
    String email = fresh("taken") + "@b.com";
    String tpUser = fresh("g");
    String plEmail = fresh("pl") + "@b.com";
    String phone = "+1650555" + (1000 + (int) (Math.random() * 8999));
    JsonNode taken =
        SignIns.ok(
                bulk()
                    .importNow(
                        app,
                        user(
                            "\"externalUserId\":\"" + ext + "\"",
                            emailPasswordMethod(email, ""),
                            thirdPartyMethod("t@b.com", "google", tpUser, ""),
                            passwordlessMethod("email", plEmail, ""),
                            passwordlessMethod("phoneNumber", phone, "")),
                        "5.4"))
            .get("user");
    String superTokensId = taken.get("loginMethods").get(1).get("recipeUserId").textValue();
    assertRefused(
        app,
        emailPassword(email),
        errors(
            "E003: A user with email " + email + " already exists in emailpassword loginMethod."));
    assertRefused(
        app,
        user("", thirdPartyMethod("other@b.com", "google", tpUser, "")),
        errors(
            "E005: A user with thirdPartyId google and thirdPartyUserId "
                + tpUser
                + " already exists in thirdparty loginMethod."));
    assertRefused(
        app,
        user("", passwordlessMethod("email", plEmail, "")),
        errors(
            "E006: A user with email " + plEmail + " already exists in passwordless loginMethod."));
    assertRefused(
        app,
        user("", passwordlessMethod("phoneNumber", phone, "")),
        errors(
            "E007: A user with phoneNumber "
                + phone
                + " already exists in passwordless loginMethod."));
    assertRefused(
        app,
        user("\"externalUserId\":\"" + ext + "\"", emailPasswordMethod(fresh("n") + "@b.com", "")),
        errors("E031: A user with externalId " + ext + " already exists"));
    assertRefused(
        app,
        user(
            "\"externalUserId\":\"" + superTokensId + "\"",
            emailPasswordMethod(fresh("n") + "@b.com", "")),
        errors(
            "E030: Cannot create a userId mapping where the externalId is also a SuperTokens"
                + " userID"));
    assertRefused(
        app,
        user(
            "\"userRoles\":[{\"role\":\"nope\",\"tenantIds\":[\"public\"]}]",
            emailPasswordMethod(fresh("n") + "@b.com", "")),
        errors("Role nope does not exist."));
    assertRefused(app, "{}", errors("loginMethods is required."));
    Reply notJson = bulk().importNow(app, "[1]", "5.4");
    assertEquals("Invalid Json Input", notJson.text());
    // A primary user's email is its alone among the primary users of a tenant.
    assertRefused(
        app,
        user("", thirdPartyMethod(email, "github", fresh("gh"), ",\"isPrimary\":true")),
        errors(
            "E022: We tried to create the primary user for the userId <id> but the account info is"
                + " already associated with another primary user."));
  }

  @Test
  void refusedQueuedUsersEndFailedWithTheirReasonsAndTheRestOfTheBatchIsImported() {
    String app = bulk().freshApp();
    String ext = fresh("ext");
    String email = fresh("taken") + "@b.com";
    String tpUser = fresh("g");
    String phone = "+1650555" + (1000 + (int) (Math.random() * 8999));
    SignIns.ok(
        bulk()
            .importNow(
                app,
                user(
                    "\"externalUserId\":\"" + ext + "\"",
                    emailPasswordMethod(email, ",\"isPrimary\":true"),
                    passwordlessMethod("phoneNumber", phone, "")),
                "5.4"));
    SignIns.ok(
        bulk().importNow(app, user("", thirdPartyMethod("t@b.com", "google", tpUser, "")), "5.4"));
    String twice = fresh("twice") + "@b.com";
    String good = fresh("good") + "@b.com";
    String linked = fresh("linked") + "@b.com";
    Map<String, String> expected = new HashMap<>();
    JsonNode queued =
        bulk()
            .queue(
                app,
                emailPassword(email),
                user("", thirdPartyMethod("other@b.com", "google", tpUser, "")),
                user(
                    "\"externalUserId\":\"" + ext + "\"",
                    emailPasswordMethod(fresh("n") + "@b.com", "")),
                user("", passwordlessMethod("phoneNumber", phone, "")),
                emailPassword(twice),
                emailPassword(twice),
                emailPassword(good),
                user("", thirdPartyMethod(email, "github", fresh("gh"), ",\"isPrimary\":true")),
                user(
                    "",
                    emailPasswordMethod(linked, ",\"isPrimary\":true"),
                    thirdPartyMethod(email, "gitlab", fresh("gl"), "")));
    String[] reasons = {
      "E003: A user with email " + email + " already exists in emailpassword loginMethod.",
      "E005: A user with thirdPartyId google and thirdPartyUserId "
          + tpUser
          + " already exists in thirdparty loginMethod.",
      "E031: A user with externalId " + ext + " already exists",
      "E007: A user with phoneNumber " + phone + " already exists in passwordless loginMethod.",
      "twice",
      "twice",
      null,
      "E022: We tried to create the primary user for the userId <id> but the account info is"
          + " already associated with another primary user.",
      "E027: We tried to link the userId <id> to the primary userId <id> but the account info is"
          + " already associated with another primary user."
    };
    for (int i = 0; i < reasons.length; i++) {
      if (reasons[i] != null) {
        // Its queue id: its primary (here first) login method's id.
        expected.put(
            queued.get(i).get("loginMethods").get(0).get("userId").textValue(), reasons[i]);
      }
    }
    awaitDrained(bulk(), app, Duration.ofSeconds(60));
    // Of the two users with one email, whichever the drain took first is imported.
    int failures = expected.size() - 1;
    assertEquals(failures, bulk().countOf(app, "FAILED"));
    assertEquals(failures, bulk().countOf(app, null));
    expected.replaceAll(
        (id, reason) ->
            reason.equals("twice")
                ? "E003: A user with email "
                    + twice
                    + " already exists in emailpassword loginMethod."
                : reason);
    for (JsonNode failed : bulk().list(app, "?status=FAILED").json().get("users")) {
      String id = failed.get("id").textValue();
      assertEquals(
          expected.get(id),
          BulkImportValidationTest.withoutIds(failed.get("errorMessage").textValue()),
          failed.toString());
      assertEquals("FAILED", failed.get("status").textValue());
      assertTrue(failed.get("updatedAt").longValue() >= failed.get("createdAt").longValue());
      // The row keeps the original's order: status, errorMessage, then the times.
      assertTrue(failed.toString().contains(",\"status\":\"FAILED\",\"errorMessage\":"));
    }
    SignIns signIns = new SignIns(http);
    signIns.emailPassword(app, twice, PASSWORD);
    signIns.emailPassword(app, good, PASSWORD);
    // Removing a failed user is how it is retried: queue it again once fixed.
    String failedId = queued.get(0).get("userId").textValue();
    assertEquals(
        "{\"deletedIds\":[\"" + failedId + "\"],\"invalidIds\":[]}",
        bulk().remove(app, "{\"ids\":[\"" + failedId + "\"]}").text());
  }
}
