package io.authcore.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /metrics: the values move as requests are made, behind the key, and on metrics_port. */
class MetricsApiTest extends ServerOnEachBackend {
  static final String KEY = "metrics-test-key-0123456789";
  static final String CDI = "5.5";

  @Override
  protected Map<String, String> overrides() {
    return Map.of("api_keys", KEY, "metrics_port", "0", "bcrypt_log_rounds", "4");
  }

  Reply post(String path, String body) {
    return http.post(path, body, "api-key", KEY, "cdi-version", CDI);
  }

  Exposition scrape() {
    Reply reply = http.get("/metrics", "api-key", KEY);
    assertEquals(200, reply.status(), reply.body());
    return Exposition.parse(reply.body());
  }

  static Map<String, String> labels(String... pairs) {
    Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void theMainPortWantsTheKeyAndAnswersTheTextFormat() {
    assertEquals(401, http.get("/metrics").status());
    assertEquals(401, http.get("/metrics", "api-key", "wrong-key-0123456789-abc").status());
    Reply reply = http.get("/metrics", "api-key", KEY);
    assertEquals(200, reply.status());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", reply.contentType());
    assertEquals(404, http.get("/appid-x/metrics", "api-key", KEY).status());
    assertEquals(
        404,
        http.get("/t1/metrics", "api-key", KEY).status(),
        "the document covers every app: only the public app's public tenant serves it");
    Exposition after = scrape();
    assertTrue(
        after.sum(
                "authcore_http_requests_seconds_count",
                labels("route", "/metrics", "method", "GET", "status", "401", "app", "public"))
            >= 2,
        "the refused scrapes are counted with the status they got");
  }

  @Test
  void theMetricsPortServesOnlyTheDocumentWithoutKey() {
    Http side = new Http(server.metricsPort());
    Reply reply = side.get("/metrics");
    assertEquals(200, reply.status());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", reply.contentType());
    assertTrue(Exposition.parse(reply.body()).has("jvm_memory_used_bytes"));
    assertEquals(404, side.get("/recipe/signin").status());
    assertEquals(404, side.get("/hello").status());
    assertEquals(404, side.post("/metrics", "{}").status());
  }

  @Test
  void requestsSessionsAndSignInsAreCounted() {
    Exposition before = scrape();
    String email = "metrics-" + UUID.randomUUID() + "@example.com";
    String credentials = "{\"email\":\"" + email + "\",\"password\":\"pw-123456\"}";
    JsonNode signUp = post("/recipe/signup", credentials).json();
    assertEquals("OK", signUp.get("status").asText());
    String userId = signUp.get("user").get("id").asText();
    assertEquals("OK", post("/recipe/signin", credentials).json().get("status").asText());
    assertEquals(
        "WRONG_CREDENTIALS_ERROR",
        post("/recipe/signin", "{\"email\":\"" + email + "\",\"password\":\"nope\"}")
            .json()
            .get("status")
            .asText());

    String identity =
        "{\"thirdPartyId\":\"google\",\"thirdPartyUserId\":\"tp-"
            + UUID.randomUUID()
            + "\",\"email\":{\"id\":\"tp-"
            + email
            + "\",\"isVerified\":false}}";
    assertEquals("OK", post("/recipe/signinup", identity).json().get("status").asText());
    assertEquals("OK", post("/recipe/signinup", identity).json().get("status").asText());

    JsonNode created =
        post(
                "/recipe/session",
                "{\"userId\":\""
                    + userId
                    + "\",\"enableAntiCsrf\":false,\"userDataInJWT\":{},\"userDataInDatabase\":{}}")
            .json();
    String parent = created.get("refreshToken").get("token").asText();
    String child = refresh(parent).get("refreshToken").get("token").asText();
    assertEquals("OK", refresh(child).get("status").asText(), "promotes the child");
    assertEquals("TOKEN_THEFT_DETECTED", refresh(parent).get("status").asText());
    String handle = created.get("session").get("handle").asText();
    assertEquals(
        "OK",
        post("/recipe/session/remove", "{\"sessionHandles\":[\"" + handle + "\"]}")
            .json()
            .get("status")
            .asText());

    Exposition after = scrape();
    assertMoved(
        before, after, "authcore_sign_ups_total", 1, "recipe", "emailpassword", "outcome", "OK");
    assertMoved(
        before, after, "authcore_sign_ins_total", 1, "recipe", "emailpassword", "outcome", "OK");
    assertMoved(
        before,
        after,
        "authcore_sign_ins_total",
        1,
        "recipe",
        "emailpassword",
        "outcome",
        "WRONG_CREDENTIALS_ERROR");
    assertMoved(
        before, after, "authcore_sign_ups_total", 1, "recipe", "thirdparty", "outcome", "OK");
    assertMoved(
        before, after, "authcore_sign_ins_total", 1, "recipe", "thirdparty", "outcome", "OK");
    assertMoved(before, after, "authcore_sessions_total", 1, "event", "created");
    assertMoved(before, after, "authcore_sessions_total", 2, "event", "refreshed");
    assertMoved(before, after, "authcore_sessions_total", 1, "event", "token_theft_detected");
    assertMoved(before, after, "authcore_sessions_total", 1, "event", "revoked");
    assertMoved(
        before,
        after,
        "authcore_http_requests_seconds_count",
        2,
        "route",
        "/recipe/signin",
        "method",
        "POST",
        "status",
        "200");
    assertMoved(
        before,
        after,
        "authcore_http_requests_seconds_count",
        3,
        "route",
        "/recipe/session/refresh",
        "status",
        "200");
    // a histogram: its buckets and the +Inf bucket that equals the count
    Map<String, String> signIns = labels("route", "/recipe/signin", "status", "200", "le", "+Inf");
    assertEquals(
        after.sum(
            "authcore_http_requests_seconds_count",
            labels("route", "/recipe/signin", "status", "200")),
        after.sum("authcore_http_requests_seconds_bucket", signIns));
    assertTrue(
        after.sum("authcore_password_hash_seconds_count", labels("pool", "bcrypt"))
                - before.sum("authcore_password_hash_seconds_count", labels("pool", "bcrypt"))
            >= 3,
        "the sign-up's hash and both sign-ins' checks");
    for (String series :
        new String[] {
          "authcore_password_hash_queue_depth",
          "authcore_password_hash_wait_seconds_count",
          "authcore_password_hash_active",
          "authcore_password_hash_wait_seconds_bucket",
          "hikaricp_connections_active",
          "hikaricp_connections_idle",
          "hikaricp_connections_max",
          "hikaricp_connections_timeout_total",
          "hikaricp_connections_pending",
          "hikaricp_connections_acquire_seconds_count",
          "jvm_memory_used_bytes",
          "jvm_gc_live_data_size_bytes",
          "jvm_gc_max_data_size_bytes",
          "jvm_gc_pause_seconds_count",
          "jvm_gc_pause_seconds_sum",
          "jvm_threads_live_threads",
          "process_cpu_usage",
          "process_uptime_seconds",
          "process_files_open_files"
        }) {
      assertTrue(after.has(series), series + " is missing");
    }
  }

  /**
   * Timed from where the request is first seen, so an answer given before the endpoint runs (a body
   * over the 10 MB limit) is counted with its status as well.
   */
  @Test
  void aBodyOverTheLimitIsCountedWithItsStatus() {
    Map<String, String> match =
        labels("route", "/recipe/signin", "method", "POST", "status", "413", "app", "public");
    double before = scrape().sum("authcore_http_requests_seconds_count", match);
    String big = "{\"email\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}";
    assertEquals(413, post("/recipe/signin", big).status());
    assertEquals(1, scrape().sum("authcore_http_requests_seconds_count", match) - before);
  }

  @Test
  void noUserIdOrRawPathBecomesALabel() {
    String id = UUID.randomUUID().toString();
    http.get("/user/id?userId=" + id, "api-key", KEY, "cdi-version", CDI);
    http.get("/recipe/user?userId=" + id, "api-key", KEY, "cdi-version", CDI);
    http.get("/" + id + "/recipe/user/id?userId=" + id, "api-key", KEY, "cdi-version", CDI);
    http.get("/appid-" + id + "/recipe/signin", "api-key", KEY, "cdi-version", CDI);
    http.get("/recipe/user/" + id, "api-key", KEY, "cdi-version", CDI);
    post("/recipe/signin", "{\"email\":\"" + id + "@example.com\",\"password\":\"" + id + "\"}");
    String text = http.get("/metrics", "api-key", KEY).body();
    assertFalse(text.contains(id), "a request's ids reached a label");
    Exposition scrape = Exposition.parse(text);
    assertTrue(
        scrape.sum(
                "authcore_http_requests_seconds_count",
                labels("route", "unmatched", "status", "404"))
            >= 1);
    assertTrue(
        scrape.sum("authcore_http_requests_seconds_count", labels("app", "unknown")) >= 1,
        "a made-up app id is counted under app=unknown");
  }

  private JsonNode refresh(String token) {
    return post(
            "/recipe/session/refresh",
            "{\"refreshToken\":\""
                + token
                + "\",\"enableAntiCsrf\":false,\"useDynamicSigningKey\":true}")
        .json();
  }

  private static void assertMoved(
      Exposition before, Exposition after, String name, double by, String... pairs) {
    Map<String, String> match = labels(pairs);
    match.put("app", "public");
    assertEquals(by, after.sum(name, match) - before.sum(name, match), name + match);
  }
}
