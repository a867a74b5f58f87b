package io.authcore.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.config.CoreConfig;
import io.authcore.support.Backend;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import io.authcore.tracing.OtlpReceiver.Received;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code otel_collector_connection_uri} pointed at an OTLP receiver started here: each request's
 * server span arrives with its route, method, status and tenant, as the child of the caller's
 * {@code traceparent}, with its database and hashing work as its children.
 */
class TracingTest extends ServerOnEachBackend {
  private OtlpReceiver receiver;

  @Override
  protected Map<String, String> overrides() {
    try {
      receiver = new OtlpReceiver();
      receivers.add(receiver);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of("otel_collector_connection_uri", receiver.uri(), "bcrypt_log_rounds", "4");
  }

  // Closed after every server (each invocation's server flushes its last spans on close).
  private final List<OtlpReceiver> receivers = new java.util.ArrayList<>();

  @AfterAll
  void stopReceivers() {
    receivers.forEach(OtlpReceiver::close);
  }

  static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    random[0] |= 1; // never all zeros
    return java.util.HexFormat.of().formatHex(random);
  }

  @Test
  void aRequestsSpanIsTheCallersChildAndTheParentOfItsDatabaseAndHashingSpans() throws Exception {
    String traceId = hex(16);
    String callerSpan = hex(8);
    String email = "traced-" + UUID.randomUUID() + "@example.com";
    Reply reply =
        http.post(
            "/appid-public/public/recipe/signup",
            "{\"email\":\"" + email + "\",\"password\":\"password-123\"}",
            "cdi-version",
            "5.4",
            "traceparent",
            "00-" + traceId + "-" + callerSpan + "-01");
    assertEquals(200, reply.status(), reply.body());
    assertEquals(traceId, reply.headers().get("x-request-id"), "the trace id is the request id");

    Received server =
        receiver
            .await(
                1,
                s -> s.traceId().equals(traceId) && s.span().getKind() == SpanKind.SPAN_KIND_SERVER)
            .get(0);
    assertEquals("POST /recipe/signup", server.name());
    assertEquals(callerSpan, server.parentId());
    Map<String, String> attributes = server.attributes();
    assertEquals("/recipe/signup", attributes.get("http.route"));
    assertEquals("POST", attributes.get("http.request.method"));
    assertEquals("200", attributes.get("http.response.status_code"));
    assertEquals("public", attributes.get("tenant.appId"));
    assertEquals("public", attributes.get("tenant.tenantId"));
    assertEquals("supertokens-core", server.resource().get("service.name"));

    String system = backend == Backend.H2 ? "h2" : "postgresql";
    List<Received> children =
        receiver.await(2, s -> s.traceId().equals(traceId) && s.parentId().equals(server.spanId()));
    assertTrue(
        children.stream()
            .anyMatch(
                s ->
                    s.name().equals("password.hash")
                        && "bcrypt".equals(s.attributes().get("password.algorithm"))),
        children.toString());
    assertTrue(
        children.stream()
            .anyMatch(
                s ->
                    s.name().startsWith("db.")
                        && system.equals(s.attributes().get("db.system.name"))),
        children.toString());
    for (Received child : children) {
      assertEquals(SpanKind.SPAN_KIND_INTERNAL, child.span().getKind(), child.toString());
      assertTrue(child.span().getStartTimeUnixNano() >= server.span().getStartTimeUnixNano());
      assertTrue(child.span().getEndTimeUnixNano() <= server.span().getEndTimeUnixNano());
    }
    assertTrue(receiver.contentTypes().stream().allMatch(t -> t.equals("application/x-protobuf")));
  }

  @Test
  void withoutATraceparentARequestStartsATraceWhoseIdIsTheRequestId() throws Exception {
    Reply reply = http.get("/no/such/path", "cdi-version", "5.4");
    assertEquals(404, reply.status());
    String requestId = reply.headers().get("x-request-id");
    Received server =
        receiver
            .await(
                1,
                s ->
                    s.traceId().equals(requestId)
                        && s.span().getKind() == SpanKind.SPAN_KIND_SERVER)
            .get(0);
    assertEquals("GET", server.name(), "an unknown path has no route: the method alone");
    assertEquals("", server.parentId());
    assertEquals("404", server.attributes().get("http.response.status_code"));
  }

  @Test
  void aCallerThatDoesNotSampleGetsNoSpans() throws Exception {
    String unsampled = hex(16);
    http.get("/hello", "traceparent", "00-" + unsampled + "-" + hex(8) + "-00");
    String sampled = hex(16);
    http.get("/hello", "traceparent", "00-" + sampled + "-" + hex(8) + "-01");
    receiver.await(1, s -> s.traceId().equals(sampled));
    assertTrue(receiver.all().stream().noneMatch(s -> s.traceId().equals(unsampled)));
  }

  @Test
  void backgroundJobsMakeNoSpans() throws Exception {
    // Signing keys are looked at every 500 ms; a span of theirs would be a root but not a server.
    Thread.sleep(1500);
    http.get("/hello");
    receiver.await(1, s -> s.name().equals("GET /hello"));
    for (Received span : receiver.all()) {
      assertTrue(
          !span.parentId().isEmpty() || span.span().getKind() == SpanKind.SPAN_KIND_SERVER,
          span.toString());
    }
  }

  @Test
  void theSdksOwnReportsGoToTheCoresLog() {
    // Set up by the server started for this class: JUL's default would print two plain lines.
    java.util.logging.Logger sdk = java.util.logging.Logger.getLogger("io.opentelemetry");
    assertFalse(sdk.getUseParentHandlers());
    assertTrue(
        java.util.Arrays.stream(sdk.getHandlers()).anyMatch(h -> h instanceof SLF4JBridgeHandler));
  }

  @Test
  void unsetItIsOff() {
    assertSame(Tracing.OFF, Tracing.of(CoreConfig.defaults()));
    assertSame(Span.NONE, Tracing.OFF.start("db.query"));
    assertEquals("http://c:4318/v1/traces", OtlpTracing.endpoint("http://c:4318/"));
    assertEquals("http://c:4318/v1/traces", OtlpTracing.endpoint("http://c:4318/v1/traces"));
  }
}
