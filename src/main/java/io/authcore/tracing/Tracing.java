package io.authcore.tracing;

import io.authcore.config.CoreConfig;
import io.authcore.tenancy.TenantId;

/**
 * Tracing as {@code otel_collector_connection_uri} asks: spans over OTLP when it is set ({@link
 * OtlpTracing}), and when it is not, {@link #OFF}: no OpenTelemetry class is loaded, no thread
 * started, and each request and span costs one call to an empty method.
 */
public interface Tracing extends Spans, AutoCloseable {
  Tracing OFF =
      new Tracing() {
        @Override
        public RequestSpan request(
            String method, String route, TenantId tenant, String traceparent, String tracestate) {
          return RequestSpan.NONE;
        }

        @Override
        public Span start(String name) {
          return Span.NONE;
        }

        @Override
        public void close() {}
      };

  static Tracing of(CoreConfig config) {
    String uri = config.string("otel_collector_connection_uri");
    return uri == null || uri.isBlank() || uri.equals("null") ? OFF : OtlpTracing.to(uri);
  }

  /**
   * A server span for a request, the child of the caller's span when its W3C {@code traceparent}
   * names one.
   *
   * @param route the endpoint's path without the app and tenant prefix, or null for an unknown path
   * @param tenant the tenant the path names, or null for an unknown path
   */
  RequestSpan request(
      String method, String route, TenantId tenant, String traceparent, String tracestate);

  /** Sends what is still buffered and stops the exporter. */
  @Override
  void close();
}
