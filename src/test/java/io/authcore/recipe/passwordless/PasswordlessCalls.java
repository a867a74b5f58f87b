package io.authcore.recipe.passwordless;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;

/** The passwordless calls the tests make, at a chosen CDI version. */
final class PasswordlessCalls {
  private final Http http;

  PasswordlessCalls(Http http) {
    this.http = http;
  }

  static String[] cdi(String version) {
    return new String[] {"cdi-version", version};
  }

  /** A created code: what the client holds. */
  record Issued(String preAuthSessionId, String codeId, String deviceId, String code, String link) {
    static Issued of(Reply reply) {
      assertEquals(200, reply.status(), reply.body());
      JsonNode j = reply.json();
      assertEquals("OK", j.get("status").asText(), reply.body());
      return new Issued(
          j.get("preAuthSessionId").asText(),
          j.get("codeId").asText(),
          j.get("deviceId").asText(),
          j.get("userInputCode").asText(),
          j.get("linkCode").asText());
    }

    String byCode(String userInputCode) {
      return "{\"preAuthSessionId\":\""
          + preAuthSessionId
          + "\",\"deviceId\":\""
          + deviceId
          + "\",\"userInputCode\":\""
          + userInputCode
          + "\"}";
    }

    String byCode() {
      return byCode(code);
    }

    String byLink() {
      return "{\"preAuthSessionId\":\"" + preAuthSessionId + "\",\"linkCode\":\"" + link + "\"}";
    }
  }

  Reply create(String version, String body) {
    return http.post("/recipe/signinup/code", body, cdi(version));
  }

  Issued forEmail(String email) {
    return Issued.of(create("5.4", "{\"email\":\"" + email + "\"}"));
  }

  Issued forPhone(String phone) {
    return Issued.of(create("5.4", "{\"phoneNumber\":\"" + phone + "\"}"));
  }

  Issued resend(Issued device) {
    return Issued.of(create("5.4", "{\"deviceId\":\"" + device.deviceId() + "\"}"));
  }

  Reply consume(String version, String body) {
    return http.post("/recipe/signinup/code/consume", body, cdi(version));
  }

  Reply check(String version, String body) {
    return http.post("/recipe/signinup/code/check", body, cdi(version));
  }

  /** Signs up or in through a fresh code and returns the user id. */
  String signIn(String createBody) {
    Issued issued = Issued.of(create("5.4", createBody));
    Reply reply = consume("5.4", issued.byCode());
    assertEquals("OK", reply.json().get("status").asText(), reply.body());
    return reply.json().get("user").get("id").asText();
  }

  Reply user(String version, String query) {
    return http.get("/recipe/user?" + query, "cdi-version", version, "rid", "passwordless");
  }

  Reply update(String version, String body) {
    return http.put("/recipe/user", body, "cdi-version", version, "rid", "passwordless");
  }

  Reply codes(String version, String query) {
    return http.get("/recipe/signinup/codes?" + query, cdi(version));
  }

  /** The reply as "status body", with ids and times replaced by placeholders. */
  static String shape(Reply reply, String... ids) {
    String body = reply.body().strip();
    for (int i = 0; i < ids.length; i++) {
      body = body.replace(ids[i], "ID" + (i == 0 ? "" : String.valueOf(i)));
    }
    return reply.status() + " " + body.replaceAll("\"(timeJoined|timeCreated)\":\\d+", "\"$1\":0");
  }
}
