package io.authcore.recipe.passwordless;

import static io.authcore.recipe.passwordless.PasswordlessCalls.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.recipe.passwordless.PasswordlessCalls.Issued;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creating, resending, checking and consuming codes, as the original 11.4.7 answers (bodies pinned
 * from it where shown).
 */
class PasswordlessCodeFlowTest extends ServerOnEachBackend {
  PasswordlessCalls pl;

  @BeforeEach
  void calls() {
    pl = new PasswordlessCalls(http);
  }

  static String email() {
    return "pl-" + UUID.randomUUID() + "@x.com";
  }

  static String user54(String email) {
    return "{\"id\":\"ID\",\"isPrimaryUser\":false,\"tenantIds\":[\"public\"],\"timeJoined\":0,"
        + "\"emails\":[\""
        + email
        + "\"],\"phoneNumbers\":[],\"thirdParty\":[],\"webauthn\":{\"credentialIds\":[]},"
        + "\"loginMethods\":[{\"tenantIds\":[\"public\"],\"recipeUserId\":\"ID\",\"verified\":true,"
        + "\"timeJoined\":0,\"recipeId\":\"passwordless\",\"email\":\""
        + email
        + "\"}]}";
  }

  @Test
  void createsAResendableCodeInTheOriginalsShape() {
    String email = email();
    Reply created = pl.create("5.4", "{\"email\":\" " + email.toUpperCase() + " \"}");
    Issued issued = Issued.of(created);
    assertEquals(
        "200 {\"status\":\"OK\",\"preAuthSessionId\":\"ID\",\"codeId\":\"ID1\",\"deviceId\":\"ID2\","
            + "\"userInputCode\":\"ID3\",\"linkCode\":\"ID4\",\"timeCreated\":0,"
            + "\"codeLifetime\":900000}",
        shape(
            created,
            issued.preAuthSessionId(),
            issued.codeId(),
            issued.deviceId(),
            issued.code(),
            issued.link()));
    assertTrue(issued.code().matches("[0-9]{6}"));
    assertEquals(43, issued.preAuthSessionId().length());
    assertEquals(43, issued.link().length());
    Issued again = pl.resend(issued);
    assertEquals(issued.preAuthSessionId(), again.preAuthSessionId());
    assertEquals(issued.deviceId(), again.deviceId());
    assertNotEquals(issued.link(), again.link());
    Reply list = pl.codes("5.4", "email=" + email);
    assertEquals(
        "200 {\"status\":\"OK\",\"devices\":[{\"preAuthSessionId\":\"ID\","
            + "\"failedCodeInputAttemptCount\":0,\"email\":\""
            + email
            + "\",\"codes\":[{\"codeId\":\"ID1\",\"timeCreated\":0,\"codeLifetime\":900000},"
            + "{\"codeId\":\"ID2\",\"timeCreated\":0,\"codeLifetime\":900000}]}]}",
        shape(list, issued.preAuthSessionId(), issued.codeId(), again.codeId()));
    assertEquals(list.body(), pl.codes("5.4", "deviceId=" + enc(issued.deviceId())).body());
    assertEquals(
        list.body(), pl.codes("5.4", "preAuthSessionId=" + issued.preAuthSessionId()).body());
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aGivenUserInputCodeIsUsedOncePerDevice() {
    Issued issued =
        Issued.of(pl.create("5.4", "{\"email\":\"" + email() + "\",\"userInputCode\":\"abc\"}"));
    assertEquals("abc", issued.code());
    String resend = "{\"deviceId\":\"" + issued.deviceId() + "\",\"userInputCode\":\"abc\"}";
    assertEquals(
        "200 {\"status\":\"USER_INPUT_CODE_ALREADY_USED_ERROR\"}", shape(pl.create("5.4", resend)));
    assertEquals(
        "200 {\"status\":\"RESTART_FLOW_ERROR\"}",
        shape(pl.create("5.4", "{\"deviceId\":\"abcd\"}")));
  }

  @Test
  void refusesMalformedRequestsInTheOriginalsWords() {
    assertEquals(
        "400 Please provide exactly one of email, phoneNumber or deviceId",
        shape(pl.create("5.4", "{}")));
    assertEquals(
        "400 Please provide exactly one of email, phoneNumber or deviceId",
        shape(pl.create("5.4", "{\"email\":\"a@b.c\",\"phoneNumber\":\"+1\"}")));
    assertEquals(
        "400 Field name 'email' is invalid in JSON input",
        shape(pl.create("5.4", "{\"email\":null}")));
    assertEquals(
        "400 userInputCode cannot be an empty string.",
        shape(pl.create("5.4", "{\"email\":\"a@b.c\",\"userInputCode\":\"\"}")));
    assertEquals(
        "400 Input encoding error in deviceId", shape(pl.create("5.4", "{\"deviceId\":\"!!!\"}")));
    String exactlyOne = "400 Please provide exactly one of linkCode or deviceId+userInputCode";
    assertEquals(
        exactlyOne,
        shape(
            pl.consume(
                "5.4", "{\"preAuthSessionId\":\"x\",\"linkCode\":\"a\",\"deviceId\":\"x\"}")));
    assertEquals(
        exactlyOne,
        shape(pl.consume("5.4", "{\"preAuthSessionId\":\"x\",\"userInputCode\":\"a\"}")));
    assertEquals(
        "400 Field name 'preAuthSessionId' is invalid in JSON input",
        shape(pl.consume("5.4", "{\"linkCode\":\"a\"}")));
    assertEquals(
        "400 Input encoding error in linkCode",
        shape(pl.consume("5.4", "{\"preAuthSessionId\":\"x\",\"linkCode\":\"ab+/\"}")));
    assertEquals(
        "400 Input encoding error in deviceId",
        shape(
            pl.consume(
                "5.4",
                "{\"preAuthSessionId\":\"x\",\"deviceId\":\"ab-_\",\"userInputCode\":\"1\"}")));
    assertEquals(
        "200 {\"status\":\"RESTART_FLOW_ERROR\"}",
        shape(pl.check("2.21", "{\"preAuthSessionId\":\"x\",\"linkCode\":\"abc\"}")));
    Issued issued = pl.forEmail(email());
    assertEquals(
        "400 preAuthSessionId and deviceId doesn't match",
        shape(
            pl.consume(
                "5.4",
                "{\"preAuthSessionId\":\"x\",\"deviceId\":\""
                    + issued.deviceId()
                    + "\",\"userInputCode\":\"1\"}")));
    assertEquals(
        "400 Please provide exactly one of email, phoneNumber, deviceId or preAuthSessionId",
        shape(pl.codes("5.4", "")));
    assertEquals("400 Input encoding error in deviceId", shape(pl.codes("5.4", "deviceId=!!!")));
    assertEquals(
        "200 {\"status\":\"OK\",\"devices\":[]}", shape(pl.codes("5.4", "preAuthSessionId=zzz")));
  }

  @Test
  void consumesByCodeOrLinkThenSignsTheSameUserIn() {
    String email = email();
    Issued first = pl.forEmail(email);
    Reply up = pl.consume("5.4", first.byLink());
    String id = up.json().get("user").get("id").asText();
    assertEquals(
        "200 {\"status\":\"OK\",\"createdNewUser\":true,\"user\":"
            + user54(email)
            + ",\"recipeUserId\":\"ID\",\"consumedDevice\":{\"preAuthSessionId\":\"ID1\","
            + "\"failedCodeInputAttemptCount\":0,\"email\":\""
            + email
            + "\"}}",
        shape(up, id, first.preAuthSessionId()));
    assertEquals(
        "200 {\"status\":\"RESTART_FLOW_ERROR\"}", shape(pl.consume("5.4", first.byLink())));
    Issued second = pl.forEmail(email);
    Reply in = pl.consume("5.4", second.byCode());
    assertEquals(
        "200 {\"status\":\"OK\",\"createdNewUser\":false,\"user\":"
            + user54(email)
            + ",\"recipeUserId\":\"ID\",\"consumedDevice\":{\"preAuthSessionId\":\"ID1\","
            + "\"failedCodeInputAttemptCount\":0,\"email\":\""
            + email
            + "\"}}",
        shape(in, id, second.preAuthSessionId()));
    // The email was verified by the first consume.
    Reply verified =
        http.get(
            "/recipe/user/email/verify?userId=" + id + "&email=" + email,
            PasswordlessCalls.cdi("5.4"));
    assertTrue(verified.json().get("isVerified").asBoolean(), verified.body());
  }

  @Test
  void consumeDeletesEveryDeviceOfTheEmailButCheckDeletesNothing() {
    String email = email();
    Issued one = pl.forEmail(email);
    Issued two = pl.forEmail(email);
    Reply checked = pl.check("5.4", one.byCode());
    assertEquals(
        "200 {\"status\":\"OK\",\"consumedDevice\":{\"preAuthSessionId\":\"ID\","
            + "\"failedCodeInputAttemptCount\":0,\"email\":\""
            + email
            + "\"}}",
        shape(checked, one.preAuthSessionId()));
    assertEquals(2, pl.codes("5.4", "email=" + email).json().get("devices").size());
    assertEquals("OK", pl.consume("5.4", one.byCode()).json().get("status").asText());
    assertEquals(0, pl.codes("5.4", "email=" + email).json().get("devices").size());
    assertEquals("200 {\"status\":\"RESTART_FLOW_ERROR\"}", shape(pl.consume("5.4", two.byLink())));
  }

  @Test
  void wrongCodesCountUntilTheDeviceIsGoneAndCheckCountsToo() {
    Issued issued = pl.forEmail(email());
    for (int i = 1; i <= 4; i++) {
      Reply wrong =
          i % 2 == 0
              ? pl.check("5.4", issued.byCode("nope"))
              : pl.consume("5.4", issued.byCode("nope"));
      assertEquals(
          "200 {\"status\":\"INCORRECT_USER_INPUT_CODE_ERROR\",\"failedCodeInputAttemptCount\":"
              + i
              + ",\"maximumCodeInputAttempts\":5}",
          shape(wrong));
    }
    assertEquals(
        "200 {\"status\":\"RESTART_FLOW_ERROR\"}", shape(pl.consume("5.4", issued.byCode("nope"))));
    // The device went with the fifth failure: even the right code restarts now.
    assertEquals(
        "200 {\"status\":\"RESTART_FLOW_ERROR\"}", shape(pl.consume("5.4", issued.byCode())));
  }

  @Test
  void consumedDeviceCarriesTheFailedAttempts() {
    Issued issued = pl.forEmail(email());
    pl.consume("5.4", issued.byCode("nope"));
    Reply ok =
        pl.check(
            "5.0",
            "{\"preAuthSessionId\":\""
                + issued.preAuthSessionId()
                + "=\",\"linkCode\":\""
                + issued.link()
                + "\"}");
    assertEquals(1, ok.json().get("consumedDevice").get("failedCodeInputAttemptCount").asInt());
  }

  @Test
  void eachVersionAnswersConsumeInItsShape() {
    String email = email();
    Issued a = pl.forEmail(email);
    Reply v221 = pl.consume("2.21", a.byCode());
    String id = v221.json().get("user").get("id").asText();
    assertEquals(
        "200 {\"status\":\"OK\",\"createdNewUser\":true,\"user\":{\"id\":\"ID\",\"timeJoined\":0,"
            + "\"email\":\""
            + email
            + "\"}}",
        shape(v221, id));
    Reply v30 = pl.consume("3.0", pl.forEmail(email).byCode());
    assertEquals(
        "200 {\"status\":\"OK\",\"createdNewUser\":false,\"user\":{\"id\":\"ID\",\"timeJoined\":0,"
            + "\"tenantIds\":[\"public\"],\"email\":\""
            + email
            + "\"}}",
        shape(v30, id));
    Reply v40 = pl.consume("4.0", pl.forEmail(email).byCode());
    assertEquals(
        "200 {\"status\":\"OK\",\"createdNewUser\":false,\"user\":"
            + user54(email).replace(",\"webauthn\":{\"credentialIds\":[]}", "")
            + ",\"recipeUserId\":\"ID\"}",
        shape(v40, id));
  }

  @Test
  void removesACodeThenItsDeviceWithTheLastOne() {
    String email = email();
    Issued one = pl.forEmail(email);
    Issued two = pl.resend(one);
    String remove = "/recipe/signinup/code/remove";
    assertEquals(
        "200 {\"status\":\"OK\"}",
        shape(
            http.post(
                remove, "{\"codeId\":\"" + one.codeId() + "\"}", PasswordlessCalls.cdi("2.21"))));
    assertEquals(
        1, pl.codes("5.4", "email=" + email).json().get("devices").get(0).get("codes").size());
    assertEquals("200 {\"status\":\"RESTART_FLOW_ERROR\"}", shape(pl.consume("5.4", one.byLink())));
    http.post(remove, "{\"codeId\":\"" + two.codeId() + "\"}", PasswordlessCalls.cdi("5.4"));
    assertEquals(0, pl.codes("5.4", "email=" + email).json().get("devices").size());
    // Below 5.0 only a codeId is read; from 5.0 a device may go by its preAuthSessionId.
    assertEquals(
        "400 Field name 'codeId' is invalid in JSON input",
        shape(http.post(remove, "{\"preAuthSessionId\":\"x\"}", PasswordlessCalls.cdi("4.0"))));
    assertEquals(
        "200 {\"status\":\"OK\"}",
        shape(
            http.post(
                remove,
                "{\"codeId\":\"x\",\"preAuthSessionId\":\"y\"}",
                PasswordlessCalls.cdi("3.0"))));
    assertEquals(
        "400 Please provide either 'codeId' or 'preAuthSessionId'",
        shape(http.post(remove, "{}", PasswordlessCalls.cdi("5.0"))));
    assertEquals(
        "400 Please provide only one of 'codeId' or 'preAuthSessionId'",
        shape(
            http.post(
                remove,
                "{\"codeId\":\"x\",\"preAuthSessionId\":\"y\"}",
                PasswordlessCalls.cdi("5.4"))));
    Issued three = pl.forEmail(email);
    http.post(
        remove,
        "{\"preAuthSessionId\":\"" + three.preAuthSessionId() + "\"}",
        PasswordlessCalls.cdi("5.4"));
    assertEquals(0, pl.codes("5.4", "email=" + email).json().get("devices").size());
  }

  @Test
  void removesCodesByEmailOrNormalisedPhone() {
    String email = email();
    pl.forEmail(email);
    String removeAll = "/recipe/signinup/codes/remove";
    assertEquals(
        "400 Please provide exactly one of email or phoneNumber",
        shape(http.post(removeAll, "{}", PasswordlessCalls.cdi("5.4"))));
    assertEquals(
        "400 Please provide exactly one of email or phoneNumber",
        shape(
            http.post(
                removeAll,
                "{\"email\":\"a\",\"phoneNumber\":\"b\"}",
                PasswordlessCalls.cdi("5.4"))));
    assertEquals(
        "200 {\"status\":\"OK\"}",
        shape(
            http.post(
                removeAll,
                "{\"email\":\" " + email.toUpperCase() + "\"}",
                PasswordlessCalls.cdi("5.4"))));
    assertEquals(0, pl.codes("5.4", "email=" + email).json().get("devices").size());
    Issued phone = pl.forPhone(" +44 20 7946 0958 ");
    Reply listed = pl.codes("5.4", "phoneNumber=%2B442079460958");
    assertEquals(
        "200 {\"status\":\"OK\",\"devices\":[{\"preAuthSessionId\":\"ID\","
            + "\"failedCodeInputAttemptCount\":0,\"phoneNumber\":\"+442079460958\","
            + "\"codes\":[{\"codeId\":\"ID1\",\"timeCreated\":0,\"codeLifetime\":900000}]}]}",
        shape(listed, phone.preAuthSessionId(), phone.codeId()));
    http.post(removeAll, "{\"phoneNumber\":\"+44 20 7946 0958\"}", PasswordlessCalls.cdi("5.4"));
    assertEquals(0, pl.codes("5.4", "phoneNumber=%2B442079460958").json().get("devices").size());
    // Without a leading + the number cannot be parsed: it is kept as typed (trimmed).
    pl.forPhone(" 020 7946 ");
    assertEquals(1, pl.codes("5.4", "phoneNumber=020%207946").json().get("devices").size());
  }
}
