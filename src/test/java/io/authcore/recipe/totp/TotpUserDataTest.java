package io.authcore.recipe.totp;

import static io.authcore.recipe.totp.TotpCalls.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.ServerOnEachBackend;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TOTP data goes with the user, and keeps a user-id mapping in place (answers of 11.4.7). */
class TotpUserDataTest extends ServerOnEachBackend {
  TotpCalls totp;

  @BeforeEach
  void calls() {
    totp = new TotpCalls(http);
  }

  private String signUp() {
    return http.post(
            "/recipe/signup",
            "{\"email\":\"t-" + UUID.randomUUID() + "@x.com\",\"password\":\"pass1234\"}",
            TotpCalls.cdi("5.4"))
        .json()
        .get("user")
        .get("id")
        .asText();
  }

  @Test
  void deletingAUserRemovesItsDevicesAndUsedCodes() {
    String user = signUp();
    String secret = totp.secretOf(user, "phone", 1, 30);
    totp.verifyDevice("5.4", user, "phone", TotpCalls.code(secret, 30, System.currentTimeMillis()));
    totp.verify("5.4", user, "000000");
    totp.verify("5.4", user, "000001");
    assertEquals(
        "200 {\"status\":\"OK\"}",
        shape(http.post("/user/remove", "{\"userId\":\"" + user + "\"}", TotpCalls.cdi("5.4"))));
    assertEquals("200 {\"status\":\"OK\",\"devices\":[]}", shape(totp.list("5.4", user)));
    assertEquals(
        "200 {\"status\":\"OK\",\"users\":[{\"userId\":\""
            + user
            + "\",\"hasVerifiedDevice\":null}]}",
        shape(totp.bulk("5.4", "{\"userIds\":[\"" + user + "\"]}")));
    // The two failures went with the user: a new device starts counting from zero.
    totp.importDevice(
        "5.4",
        "{\"userId\":\"" + user + "\",\"skew\":1,\"period\":30,\"secretKey\":\"" + secret + "\"}");
    assertEquals(
        "200 {\"status\":\"INVALID_TOTP_ERROR\",\"currentNumberOfFailedAttempts\":1,"
            + "\"maxNumberOfFailedAttempts\":5}",
        shape(totp.verify("5.4", user, "000000")));
  }

  @Test
  void aMappingInUseByTotpIsKeptUnlessForced() {
    String user = signUp();
    String external = "ext-" + UUID.randomUUID();
    assertEquals(
        "200 {\"status\":\"OK\"}",
        shape(
            http.post(
                "/recipe/userid/map",
                "{\"superTokensUserId\":\"" + user + "\",\"externalUserId\":\"" + external + "\"}",
                TotpCalls.cdi("5.4"))));
    totp.secretOf(external, null, 1, 30);
    assertEquals(
        "400 UserId is already in use in TOTP recipe",
        shape(
            http.post(
                "/recipe/userid/map/remove",
                "{\"userId\":\"" + external + "\"}",
                TotpCalls.cdi("5.4"))));
    assertEquals(
        "200 {\"status\":\"OK\",\"didMappingExist\":true}",
        shape(
            http.post(
                "/recipe/userid/map/remove",
                "{\"userId\":\"" + external + "\",\"force\":true}",
                TotpCalls.cdi("5.4"))));
  }
}
