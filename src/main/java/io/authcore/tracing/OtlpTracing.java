package io.authcore.tracing;

import io.authcore.tenancy.TenantId;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Spans exported in batches over OTLP HTTP/protobuf to {@code <uri>/v1/traces}, with the JDK's HTTP
 * client. The original exports over OTLP/gRPC; HTTP needs neither gRPC nor OkHttp, and every
 * OpenTelemetry collector accepts both (4318 is the HTTP port, 4317 gRPC's).
 */
final class OtlpTracing implements Tracing {
  private static final Logger log = LoggerFactory.getLogger(OtlpTracing.class);
  // The original's service name, which dashboards built for it select on.
  private static final String SERVICE_NAME = "supertokens-core";
  private static final Duration EXPORT_EVERY = Duration.ofSeconds(1);

  private static final TextMapGetter<Map<String, String>> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  // The SDK reports (a collector it cannot reach) through java.util.logging: to the core's log,
  // one line each in its format, rather than JUL's two-line default on stderr. Held here, since JUL
  // keeps its loggers, and so their handlers, only weakly.
  private static final java.util.logging.Logger SDK_LOG =
      java.util.logging.Logger.getLogger("io.opentelemetry");

  private final SdkTracerProvider provider;
  private final Tracer tracer;

  private OtlpTracing(SdkTracerProvider provider) {
    this.provider = provider;
    this.tracer = provider.get("io.authcore");
  }

  static Tracing to(String uri) {
    synchronized (SDK_LOG) {
      if (SDK_LOG.getUseParentHandlers()) {
        SDK_LOG.setUseParentHandlers(false);
        SDK_LOG.addHandler(new SLF4JBridgeHandler());
      }
    }
    String endpoint = endpoint(uri);
    if (URI.create(endpoint).getPort() == 4317) {
      log.warn(
          "otel_collector_connection_uri names port 4317, the collector's OTLP/gRPC port; Authcore"
              + " sends OTLP over HTTP, which collectors receive on 4318");
    }
    OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(endpoint).build();
    Resource resource =
        Resource.getDefault()
            .merge(
                Resource.create(
                    Attributes.of(AttributeKey.stringKey("service.name"), SERVICE_NAME)));
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(resource)
            .addSpanProcessor(
                BatchSpanProcessor.builder(exporter).setScheduleDelay(EXPORT_EVERY).build())
            .build();
    log.info("Exporting traces to {}", endpoint);
    return new OtlpTracing(provider);
  }

  /** The collector's address as the original takes it, with the OTLP HTTP path for traces. */
  static String endpoint(String uri) {
    String base = uri.trim();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base.endsWith("/v1/traces") ? base : base + "/v1/traces";
  }

  @Override
  public RequestSpan request(
      String method, String route, TenantId tenant, String traceparent, String tracestate) {
    Context parent = Context.root();
    if (traceparent != null) {
      Map<String, String> headers = new HashMap<>(4);
      headers.put("traceparent", traceparent);
      if (tracestate != null) {
        headers.put("tracestate", tracestate);
      }
      parent = W3CTraceContextPropagator.getInstance().extract(parent, headers, HEADERS);
    }
    var builder =
        tracer
            .spanBuilder(route == null ? method : method + " " + route)
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("http.request.method", method);
    if (route != null) {
      builder.setAttribute("http.route", route);
    }
    if (tenant != null) {
      // The original's attribute names for the tenant.
      builder
          .setAttribute("tenant.connectionUriDomain", tenant.connectionUriDomain())
          .setAttribute("tenant.appId", tenant.appId())
          .setAttribute("tenant.tenantId", tenant.tenantId());
    }
    io.opentelemetry.api.trace.Span span = builder.startSpan();
    Context context = parent.with(span);
    return new RequestSpan() {
      @Override
      public String traceId() {
        return span.getSpanContext().getTraceId();
      }

      @Override
      public Scope enter() {
        io.opentelemetry.context.Scope scope = context.makeCurrent();
        return scope::close;
      }

      @Override
      public void end(int status) {
        span.setAttribute("http.response.status_code", status);
        if (status >= 500) {
          span.setStatus(StatusCode.ERROR);
        }
        span.end();
      }
    };
  }

  @Override
  public Span start(String name) {
    if (!io.opentelemetry.api.trace.Span.current().getSpanContext().isValid()) {
      return Span.NONE; // not inside a traced request
    }
    io.opentelemetry.api.trace.Span span = tracer.spanBuilder(name).startSpan();
    return new Span() {
      @Override
      public Span attribute(String key, String value) {
        span.setAttribute(key, value);
        return this;
      }

      @Override
      public void failed(Throwable failure) {
        // The class only: a message may quote SQL values (an email in a constraint's words).
        span.setAttribute("exception.type", failure.getClass().getName());
        span.setStatus(StatusCode.ERROR);
      }

      @Override
      public void close() {
        span.end();
      }
    };
  }

  @Override
  public void close() {
    provider.shutdown().join(5, TimeUnit.SECONDS);
  }
}
