package io.authcore.recipe.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /recipe/signinup} as the original 11.4.7 answers it: one user per (tenant,
 * thirdPartyId, thirdPartyUserId), the provider's email taken on each sign-in, and {@code
 * isVerified} read at 2.7, ignored from 2.8 to 3.x, required from 4.0.
 */
class ThirdPartySignInUpTest extends ServerOnEachBackend {
  static String[] cdi(String version) {
    return new String[] {"cdi-version", version};
  }

  static String body(String tpUserId, String email, Boolean verified) {
    return "{\"thirdPartyId\":\"google\",\"thirdPartyUserId\":\""
        + tpUserId
        + "\",\"email\":{\"id\":\""
        + email
        + "\""
        + (verified == null ? "" : ",\"isVerified\":" + verified)
        + "}}";
  }

  static String fresh() {
    return "tp-" + UUID.randomUUID();
  }

  Reply signInUp(String version, String body) {
    return http.post("/recipe/signinup", body, cdi(version));
  }

  /** The body with the user's id and join time replaced, to compare with the original's. */
  static String shape(Reply reply) {
    String body = reply.body().strip();
    String id = reply.json().get("user").get("id").asText();
    return reply.status()
        + " "
        + body.replace(id, "ID").replaceAll("\"timeJoined\":\\d+", "\"timeJoined\":0");
  }

  static String user54(String tpUserId, String email, boolean verified) {
    return "{\"id\":\"ID\",\"isPrimaryUser\":false,\"tenantIds\":[\"public\"],\"timeJoined\":0,"
        + "\"emails\":[\""
        + email
        + "\"],\"phoneNumbers\":[],\"thirdParty\":[{\"id\":\"google\",\"userId\":\""
        + tpUserId
        + "\"}],\"webauthn\":{\"credentialIds\":[]},\"loginMethods\":[{\"tenantIds\":[\"public\"],"
        + "\"recipeUserId\":\"ID\",\"verified\":"
        + verified
        + ",\"timeJoined\":0,\"recipeId\":\"thirdparty\",\"email\":\""
        + email
        + "\",\"thirdParty\":{\"id\":\"google\",\"userId\":\""
        + tpUserId
        + "\"}}]}";
  }

  static String ok54(boolean created, String tpUserId, String email, boolean verified) {
    return "200 {\"status\":\"OK\",\"createdNewUser\":"
        + created
        + ",\"user\":"
        + user54(tpUserId, email, verified)
        + ",\"recipeUserId\":\"ID\"}";
  }

  boolean emailVerified(String userId, String email) {
    Reply reply =
        http.get("/recipe/user/email/verify?userId=" + userId + "&email=" + email, cdi("5.4"));
    assertEquals(200, reply.status(), reply.body());
    return reply.json().get("isVerified").asBoolean();
  }

  @Test
  void signsUpThenSignsInTakingTheProvidersEmail() {
    String tp = fresh();
    Reply up = signInUp("5.4", body(tp, " A@Ex.com ", true));
    assertEquals(ok54(true, tp, "a@ex.com", true), shape(up));
    String id = up.json().get("user").get("id").asText();
    // A new email is stored and is not verified; false never un-verifies the old one.
    Reply changed = signInUp("5.4", body(tp, "b@ex.com", false));
    assertEquals(ok54(false, tp, "b@ex.com", false), shape(changed));
    assertEquals(id, changed.json().get("user").get("id").asText());
    assertEquals(true, emailVerified(id, "a@ex.com"));
    Reply verified = signInUp("5.4", body(tp, "B@ex.com", true));
    assertEquals(ok54(false, tp, "b@ex.com", true), shape(verified));
    // The provider's user id is case-sensitive and kept as given, spaces included.
    Reply other = signInUp("5.4", body(tp.toUpperCase(), "b@ex.com", false));
    assertEquals(ok54(true, tp.toUpperCase(), "b@ex.com", false), shape(other));
    assertNotEquals(id, other.json().get("user").get("id").asText());
    String spaced = " " + fresh() + " ";
    assertEquals(
        ok54(true, spaced, "x@y.com", true), shape(signInUp("5.4", body(spaced, "x@y.com", true))));
  }

  @Test
  void eachVersionAnswersInItsOwnShape() {
    String tp = fresh();
    assertEquals(
        "200 {\"status\":\"OK\",\"createdNewUser\":true,\"user\":{\"id\":\"ID\","
            + "\"isPrimaryUser\":false,\"tenantIds\":[\"public\"],\"timeJoined\":0,"
            + "\"emails\":[\"c@ex.com\"],\"phoneNumbers\":[],\"thirdParty\":[{\"id\":\"google\","
            + "\"userId\":\""
            + tp
            + "\"}],\"loginMethods\":[{\"tenantIds\":[\"public\"],\"recipeUserId\":\"ID\","
            + "\"verified\":true,\"timeJoined\":0,\"recipeId\":\"thirdparty\","
            + "\"email\":\"c@ex.com\",\"thirdParty\":{\"id\":\"google\",\"userId\":\""
            + tp
            + "\"}}]},\"recipeUserId\":\"ID\"}",
        shape(signInUp("4.0", body(tp, "c@ex.com", true))));
    tp = fresh();
    assertEquals(
        "200 {\"status\":\"OK\",\"createdNewUser\":true,\"user\":{\"id\":\"ID\",\"timeJoined\":0,"
            + "\"tenantIds\":[\"public\"],\"email\":\"d@ex.com\",\"thirdParty\":{\"id\":\"google\","
            + "\"userId\":\""
            + tp
            + "\"}}}",
        shape(signInUp("3.0", body(tp, "d@ex.com", true))));
    for (String version : List.of("2.21", "2.7")) {
      tp = fresh();
      assertEquals(
          "200 {\"status\":\"OK\",\"createdNewUser\":true,\"user\":{\"id\":\"ID\","
              + "\"timeJoined\":0,\"email\":\"e@ex.com\",\"thirdParty\":{\"id\":\"google\","
              + "\"userId\":\""
              + tp
              + "\"}}}",
          shape(signInUp(version, body(tp, "e@ex.com", true))),
          version);
    }
  }

  @Test
  void isVerifiedIsReadAt27IgnoredUntil4AndRequiredFrom4() {
    String missing = "400 Field name 'isVerified' is invalid in JSON input";
    for (String version : List.of("2.7", "4.0", "5.4")) {
      Reply reply = signInUp(version, body(fresh(), "f@ex.com", null));
      assertEquals(missing, reply.status() + " " + reply.body().strip(), version);
    }
    Reply at27 = signInUp("2.7", body(fresh(), "f@ex.com", true));
    assertEquals(true, emailVerified(at27.json().get("user").get("id").asText(), "f@ex.com"));
    for (String version : List.of("2.8", "2.21", "3.0", "3.1")) {
      Reply ignored = signInUp(version, body(fresh(), "g@ex.com", true));
      assertEquals(200, ignored.status(), ignored.body());
      assertEquals(
          false, emailVerified(ignored.json().get("user").get("id").asText(), "g@ex.com"), version);
      Reply absent = signInUp(version, body(fresh(), "g@ex.com", null));
      assertEquals(200, absent.status(), absent.body());
    }
  }

  @Test
  void badInputGetsTheOriginals400() {
    String tp = fresh();
    assertEquals(
        "400 Field name 'thirdPartyId' is invalid in JSON input",
        answer("{\"thirdPartyUserId\":\"u\",\"email\":{\"id\":\"h@ex.com\",\"isVerified\":true}}"));
    assertEquals(
        "400 Field name 'thirdPartyId' is invalid in JSON input",
        answer(
            "{\"thirdPartyId\":5,\"thirdPartyUserId\":\"u\","
                + "\"email\":{\"id\":\"h@ex.com\",\"isVerified\":true}}"));
    assertEquals(
        "400 Field name 'thirdPartyUserId' is invalid in JSON input",
        answer(
            "{\"thirdPartyId\":\"google\",\"email\":{\"id\":\"h@ex.com\",\"isVerified\":true}}"));
    assertEquals(
        "400 Field name 'email' is invalid in JSON input",
        answer("{\"thirdPartyId\":\"google\",\"thirdPartyUserId\":\"" + tp + "\"}"));
    assertEquals(
        "400 Field name 'email' is invalid in JSON input",
        answer(
            "{\"thirdPartyId\":\"google\",\"thirdPartyUserId\":\""
                + tp
                + "\",\"email\":\"x@y.com\"}"));
    assertEquals(
        "400 Field name 'id' is invalid in JSON input",
        answer(
            "{\"thirdPartyId\":\"google\",\"thirdPartyUserId\":\""
                + tp
                + "\",\"email\":{\"isVerified\":true}}"));
    assertEquals(
        "400 Field name 'isVerified' is invalid in JSON input",
        answer(
            "{\"thirdPartyId\":\"google\",\"thirdPartyUserId\":\""
                + tp
                + "\",\"email\":{\"id\":\"x@y.com\",\"isVerified\":\"yes\"}}"));
  }

  @Test
  void overlongValuesAreRefusedByNameAndNothingIsWritten() {
    String tp = fresh();
    assertEquals(
        "400 Field name 'thirdPartyId' cannot be longer than 28 characters",
        answer(
            "{\"thirdPartyId\":\""
                + "g".repeat(29)
                + "\",\"thirdPartyUserId\":\""
                + tp
                + "\",\"email\":{\"id\":\"h@ex.com\",\"isVerified\":true}}"));
    assertEquals(
        "400 Field name 'thirdPartyUserId' cannot be longer than 256 characters",
        answer(
            "{\"thirdPartyId\":\"google\",\"thirdPartyUserId\":\""
                + "u".repeat(257)
                + "\",\"email\":{\"id\":\"h@ex.com\",\"isVerified\":true}}"));
    assertEquals(
        "400 Field name 'email' cannot be longer than 256 characters",
        answer(
            "{\"thirdPartyId\":\"google\",\"thirdPartyUserId\":\""
                + tp
                + "\",\"email\":{\"id\":\""
                + "a".repeat(250)
                + "@ex.com\",\"isVerified\":true}}"));
    var fits =
        signInUp(
                "5.4",
                "{\"thirdPartyId\":\""
                    + "g".repeat(28)
                    + "\",\"thirdPartyUserId\":\""
                    + tp
                    + "\",\"email\":{\"id\":\"h@ex.com\",\"isVerified\":true}}")
            .json();
    assertEquals("OK", fits.get("status").asText(), "the widest id that fits is stored");
    var refusedBefore =
        signInUp(
                "5.4",
                "{\"thirdPartyId\":\"google\",\"thirdPartyUserId\":\""
                    + tp
                    + "\",\"email\":{\"id\":\"h@ex.com\",\"isVerified\":true}}")
            .json();
    assertEquals(
        true,
        refusedBefore.get("createdNewUser").asBoolean(),
        "the refused sign-up with the long email left no user behind");
  }

  String answer(String body) {
    Reply reply = signInUp("5.4", body);
    return reply.status() + " " + reply.body().strip();
  }

  @Test
  void racingSignUpsMakeOneUser() throws Exception {
    String tp = fresh();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        replies.add(pool.submit(() -> signInUp("5.4", body(tp, "r@ex.com", false))));
      }
      Set<String> ids = new HashSet<>();
      int created = 0;
      for (Future<Reply> f : replies) {
        Reply reply = f.get();
        assertEquals(200, reply.status(), reply.body());
        ids.add(reply.json().get("user").get("id").asText());
        created += reply.json().get("createdNewUser").asBoolean() ? 1 : 0;
      }
      assertEquals(1, ids.size());
      assertEquals(1, created);
    } finally {
      pool.shutdown();
    }
  }
}
