package io.authcore.recipe.dashboard;

import static io.authcore.recipe.dashboard.DashboardCalls.PASSWORD;
import static io.authcore.recipe.dashboard.DashboardCalls.assertOk;
import static io.authcore.recipe.dashboard.DashboardCalls.assertStatus;
import static io.authcore.recipe.dashboard.DashboardCalls.cdi;
import static io.authcore.recipe.dashboard.DashboardCalls.freshEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Http.Reply;
import io.authcore.support.MutableClock;
import io.authcore.support.ServerOnEachBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Dashboard sign-in, session verification, sign-out and the sessions of an admin, over HTTP on both
 * storages, as the original 11.4.7 answers them; sessions last 30 days.
 */
class DashboardSessionsApiTest extends ServerOnEachBackend {
  static final long THIRTY_DAYS = 2_592_000_000L;
  static final String INVALID_CREDENTIALS = "{\"status\":\"INVALID_CREDENTIALS_ERROR\"}";
  static final String INVALID_SESSION = "{\"status\":\"INVALID_SESSION_ERROR\"}";

  final MutableClock clock = new MutableClock(1_800_000_000_000L);

  @Override
  protected Clock clock() {
    return clock;
  }

  DashboardCalls dashboard() {
    return new DashboardCalls(http);
  }

  static String credentials(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  @Test
  void aSignedInAdminsSessionVerifiesWithItsEmailFromCdi3() {
    String email = freshEmail("signin");
    String userId = dashboard().createAdmin(email);
    long now = clock.millis();
    Reply signIn = dashboard().signIn(credentials(" " + email.toUpperCase(), PASSWORD));
    String sessionId = signIn.json().get("sessionId").textValue();
    assertEquals(UUID.fromString(sessionId).toString(), sessionId);
    assertOk("{\"status\":\"OK\",\"sessionId\":\"" + sessionId + "\"}", signIn);
    for (String version : new String[] {"2.7", "2.18", "2.21"}) {
      assertOk("{\"status\":\"OK\"}", dashboard().verify(sessionId, version));
    }
    for (String version : new String[] {"3.0", "4.0", "5.4"}) {
      assertOk(
          "{\"status\":\"OK\",\"email\":\"" + email + "\"}",
          dashboard().verify(sessionId, version));
    }
    assertOk(
        "{\"status\":\"OK\",\"email\":\"" + email + "\"}",
        dashboard().verify(" " + sessionId + " ", "5.4"));
    assertOk(
        "{\"status\":\"OK\",\"sessions\":[{\"userId\":\""
            + userId
            + "\",\"sessionId\":\""
            + sessionId
            + "\",\"timeCreated\":"
            + now
            + ",\"expiry\":"
            + (now + THIRTY_DAYS)
            + "}]}",
        dashboard().sessions(userId));
  }

  @Test
  void wrongCredentialsAreOneAnswer() {
    String email = freshEmail("wrong");
    dashboard().createAdmin(email);
    assertOk(INVALID_CREDENTIALS, dashboard().signIn(credentials(email, "password12")));
    assertOk(INVALID_CREDENTIALS, dashboard().signIn(credentials(freshEmail("nobody"), PASSWORD)));
    // The password is trimmed, as it was when it was set.
    dashboard().sessionOf(email, " " + PASSWORD + " ");
    assertOk(
        INVALID_CREDENTIALS, dashboard().signIn("{\"email\":[\"a@b.com\"],\"password\":\"x\"}"));
  }

  @Test
  void signingOutEndsOneSession() {
    String email = freshEmail("signout");
    String userId = dashboard().createAdmin(email);
    String first = dashboard().sessionOf(email, PASSWORD);
    clock.advance(Duration.ofMillis(1));
    String second = dashboard().sessionOf(email, PASSWORD);
    assertOk("{\"status\":\"OK\"}", dashboard().signOut(first));
    assertOk(INVALID_SESSION, dashboard().verify(first, "5.4"));
    assertOk("{\"status\":\"OK\",\"email\":\"" + email + "\"}", dashboard().verify(second, "5.4"));
    assertEquals(
        second,
        dashboard().sessions(userId).json().get("sessions").get(0).get("sessionId").textValue());
    assertEquals(1, dashboard().sessions(userId).json().get("sessions").size());
    assertOk("{\"status\":\"OK\"}", dashboard().signOut("nope"));
    assertOk(INVALID_SESSION, dashboard().verify("nope", "5.4"));
    assertOk("{\"status\":\"OK\",\"sessions\":[]}", dashboard().sessions("nope"));
  }

  @Test
  void aSessionLastsThirtyDays() {
    String email = freshEmail("expiry");
    String userId = dashboard().createAdmin(email);
    String sessionId = dashboard().sessionOf(email, PASSWORD);
    clock.advance(Duration.ofMillis(THIRTY_DAYS));
    assertOk(
        "{\"status\":\"OK\",\"email\":\"" + email + "\"}", dashboard().verify(sessionId, "5.4"));
    clock.advance(Duration.ofMillis(1));
    // The original still accepts it until its clean-up job runs (twice a day).
    assertOk(INVALID_SESSION, dashboard().verify(sessionId, "5.4"));
    assertEquals(1, dashboard().sessions(userId).json().get("sessions").size());
  }

  @Test
  void badSessionInputGetsTheOriginals400s() {
    assertStatus(
        400,
        "Field name 'email' is invalid in JSON input",
        dashboard().signIn("{\"password\":\"x\"}"));
    assertStatus(
        400,
        "Field name 'email' is invalid in JSON input",
        dashboard().signIn("{\"email\":5,\"password\":\"x\"}"));
    assertStatus(
        400,
        "Field name 'email' cannot be an empty String",
        dashboard().signIn("{\"email\":\"  \",\"password\":\"x\"}"));
    assertStatus(
        400,
        "Field name 'password' is invalid in JSON input",
        dashboard().signIn("{\"email\":\"a@b.com\"}"));
    assertStatus(
        400,
        "Field name 'password' cannot be an empty String",
        dashboard().signIn("{\"email\":\"a@b.com\",\"password\":\"\"}"));
    assertStatus(400, "Invalid Json Input", dashboard().signIn("nope"));
    assertStatus(400, "Invalid Json Input", dashboard().signIn(""));
    String verify = "/recipe/dashboard/session/verify";
    assertStatus(
        400,
        "Field name 'sessionId' is invalid in JSON input",
        http.post(verify, "{}", cdi("5.4")));
    assertStatus(
        400,
        "Field name 'sessionId' cannot be an empty String",
        http.post(verify, "{\"sessionId\":\"\"}", cdi("5.4")));
    assertStatus(
        400,
        "Field name 'userId' is missing in GET request",
        http.get("/recipe/dashboard/user/sessions", cdi("5.4")));
    assertStatus(
        400,
        "Field name 'userId' cannot be an empty String",
        http.get("/recipe/dashboard/user/sessions?userId=%20", cdi("5.4")));
    assertStatus(
        400,
        "Field name 'sessionId' is missing in GET request",
        http.delete("/recipe/dashboard/session", cdi("5.4")));
    assertStatus(
        400,
        "Field name 'sessionId' cannot be an empty String",
        http.delete("/recipe/dashboard/session?sessionId=", cdi("5.4")));
  }
}
