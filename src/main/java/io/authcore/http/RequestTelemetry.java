package io.authcore.http;

import io.authcore.tenancy.TenantId;
import io.authcore.tracing.RequestSpan;
import io.authcore.tracing.Tracing;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A request's identity in the logs and traces, from its first sight on the I/O thread to its last
 * byte: its id (echoed as {@code X-Request-Id}), its route and tenant in the SLF4J MDC of whichever
 * thread does its work, its server span, and, when {@code access_log} is on, one line when it ends.
 */
final class RequestTelemetry {
  static final HttpString REQUEST_ID = new HttpString("X-Request-Id");
  private static final AttachmentKey<Traced> TRACED = AttachmentKey.create(Traced.class);
  private static final Logger access = LoggerFactory.getLogger("io.authcore.access");
  // An id a caller sends is kept only when it cannot break a log line or a header.
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Pattern TRACEPARENT =
      Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final String NO_TRACE = "0".repeat(32);
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final RequestContext context;
  private final Tracing tracing;
  private final boolean accessLog;

  RequestTelemetry(RequestContext context, Tracing tracing, boolean accessLog) {
    this.context = context;
    this.tracing = tracing;
    this.accessLog = accessLog;
  }

  /** Around the whole pipeline, where a request is first seen (the I/O thread). */
  HttpHandler first(HttpHandler next) {
    return exchange -> {
      Traced traced = exchange.getAttachment(TRACED);
      if (traced == null) {
        traced = begin(exchange);
      }
      try (Entered entered = traced.enter()) {
        next.handleRequest(exchange);
      }
    };
  }

  /** Where the request's work runs once it has left the I/O thread. */
  HttpHandler onWorker(HttpHandler next) {
    return exchange -> {
      Traced traced = exchange.getAttachment(TRACED);
      if (traced == null) {
        next.handleRequest(exchange);
        return;
      }
      try (Entered entered = traced.enter()) {
        next.handleRequest(exchange);
      }
    };
  }

  private Traced begin(HttpServerExchange exchange) {
    String method = exchange.getRequestMethod().toString();
    String route = context.routeOf(exchange);
    TenantId tenant = context.tenantOf(exchange);
    HeaderMap headers = exchange.getRequestHeaders();
    String traceparent = headers.getFirst("traceparent");
    RequestSpan span =
        tracing.request(method, route, tenant, traceparent, headers.getFirst("tracestate"));
    String id = requestId(headers.getFirst(REQUEST_ID), traceparent, span.traceId());
    exchange.getResponseHeaders().put(REQUEST_ID, id);
    long arrived = exchange.getRequestStartTime(); // System.nanoTime(), or -1 when not recorded
    Traced traced =
        new Traced(id, method, route, tenant, span, arrived != -1 ? arrived : System.nanoTime());
    exchange.putAttachment(TRACED, traced);
    exchange.addExchangeCompleteListener(
        (ex, nextListener) -> {
          try {
            finish(traced, ex.getStatusCode());
          } finally {
            nextListener.proceed();
          }
        });
    return traced;
  }

  private void finish(Traced traced, int status) {
    traced.span.end(status);
    long nanos = System.nanoTime() - traced.startNanos;
    context.completed(traced.tenant, traced.route, traced.method, status, nanos);
    if (accessLog && access.isInfoEnabled()) {
      double ms = Math.round(nanos / 10_000.0) / 100.0;
      try (Entered entered = traced.enter()) {
        access
            .atInfo()
            .addKeyValue("status", status)
            .addKeyValue("durationMs", ms)
            .log(
                "{} {} {} {} ms request={} app={} tenant={}",
                traced.method,
                traced.route == null ? "(unknown route)" : traced.route,
                status,
                ms,
                traced.id,
                traced.tenant == null ? "-" : traced.tenant.appId(),
                traced.tenant == null ? "-" : traced.tenant.tenantId());
      }
    }
  }

  /**
   * The caller's {@code X-Request-Id} when sane, else the trace id of its {@code traceparent}, else
   * that of the new span, else a random one: one id joins a request's log lines and its trace.
   */
  static String requestId(String given, String traceparent, String traceId) {
    if (given != null && SANE_ID.matcher(given).matches()) {
      return given;
    }
    if (traceparent != null) {
      var matcher = TRACEPARENT.matcher(traceparent);
      if (matcher.matches() && !matcher.group(1).equals(NO_TRACE)) {
        return matcher.group(1);
      }
    }
    return traceId != null ? traceId : random();
  }

  // Not a secret, only unique: no SecureRandom on the hot path.
  private static String random() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[32];
    for (int half = 0; half < 2; half++) {
      long bits = random.nextLong();
      for (int i = 0; i < 16; i++) {
        id[half * 16 + i] = HEX[(int) (bits >>> (60 - 4 * i)) & 0xf];
      }
    }
    return new String(id);
  }

  private interface Entered extends AutoCloseable {
    Entered NOTHING = () -> {};

    @Override
    void close();
  }

  private record Traced(
      String id, String method, String route, TenantId tenant, RequestSpan span, long startNanos) {
    /** The request's MDC entries and span on this thread until closed; nothing if already so. */
    Entered enter() {
      if (id.equals(MDC.get("requestId"))) {
        return Entered.NOTHING; // run on the I/O thread inside the first handler
      }
      MDC.put("requestId", id);
      MDC.put("method", method);
      if (route != null) {
        MDC.put("route", route);
      }
      if (tenant != null) {
        MDC.put("connectionUriDomain", tenant.connectionUriDomain());
        MDC.put("appId", tenant.appId());
        MDC.put("tenantId", tenant.tenantId());
      }
      String traceId = span.traceId();
      if (traceId != null && !traceId.equals(id)) {
        MDC.put("traceId", traceId);
      }
      RequestSpan.Scope scope = span.enter();
      return () -> {
        scope.close();
        MDC.clear();
      };
    }
  }
}
