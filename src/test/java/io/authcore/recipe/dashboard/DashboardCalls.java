package io.authcore.recipe.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The dashboard's endpoints as the SDK calls them, and the original's answers to compare with. */
final class DashboardCalls {
  static final String PASSWORD = "password123";

  private final Http http;

  DashboardCalls(Http http) {
    this.http = http;
  }

  static String[] cdi(String version) {
    return new String[] {"cdi-version", version, "content-type", "application/json"};
  }

  /** An email no other test of the shared server uses. */
  static String freshEmail(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  Reply create(String body) {
    return http.post("/recipe/dashboard/user", body, cdi("5.4"));
  }

  /** Creates an admin and returns its user id. */
  String createAdmin(String email) {
    Reply reply = create("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertEquals(200, reply.status(), reply.body());
    JsonNode user = reply.json().get("user");
    assertEquals(email, user.get("email").textValue(), reply.body());
    return user.get("userId").textValue();
  }

  Reply update(String body) {
    return http.put("/recipe/dashboard/user", body, cdi("5.4"));
  }

  Reply users(String path, String version) {
    return http.get(path, cdi(version));
  }

  Reply signIn(String body) {
    return http.post("/recipe/dashboard/signin", body, cdi("5.4"));
  }

  /** Signs an admin in and returns the session id. */
  String sessionOf(String email, String password) {
    Reply reply = signIn("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    assertEquals("OK", reply.json().path("status").textValue(), reply.body());
    return reply.json().get("sessionId").textValue();
  }

  Reply verify(String sessionId, String version) {
    return http.post(
        "/recipe/dashboard/session/verify", "{\"sessionId\":\"" + sessionId + "\"}", cdi(version));
  }

  Reply sessions(String userId) {
    return http.get("/recipe/dashboard/user/sessions?userId=" + query(userId), cdi("5.4"));
  }

  Reply signOut(String sessionId) {
    return http.delete("/recipe/dashboard/session?sessionId=" + query(sessionId), cdi("5.4"));
  }

  static void assertOk(String expectedBody, Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    assertEquals("application/json;charset=UTF-8", reply.contentType());
    assertEquals(expectedBody + "\n", reply.body());
  }

  static void assertStatus(int status, String text, Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    assertEquals(text + "\n", reply.body());
  }

  static String user(String email, String userId, JsonNode timeJoined) {
    return "{\"email\":\""
        + email
        + "\",\"userId\":\""
        + userId
        + "\",\"timeJoined\":"
        + timeJoined
        + "}";
  }
}
