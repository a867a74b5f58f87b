package io.authcore.tracing;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/** An OTLP/HTTP collector for traces on localhost: keeps every span it is sent, decoded. */
final class OtlpReceiver implements AutoCloseable {
  /** A received span with its resource's attributes. */
  record Received(Span span, Map<String, String> resource) {
    String traceId() {
      return HexFormat.of().formatHex(span.getTraceId().toByteArray());
    }

    String spanId() {
      return HexFormat.of().formatHex(span.getSpanId().toByteArray());
    }

    String parentId() {
      return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
    }

    String name() {
      return span.getName();
    }

    Map<String, String> attributes() {
      return strings(span.getAttributesList());
    }
  }

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Received> spans = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> contentTypes = new ConcurrentLinkedQueue<>();

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/traces",
        exchange -> {
          contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
          InputStream body = exchange.getRequestBody();
          if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            body = new GZIPInputStream(body);
          }
          ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
          for (ResourceSpans resource : request.getResourceSpansList()) {
            Map<String, String> attributes = strings(resource.getResource().getAttributesList());
            for (ScopeSpans scope : resource.getScopeSpansList()) {
              scope.getSpansList().forEach(span -> spans.add(new Received(span, attributes)));
            }
          }
          byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
          exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<String> contentTypes() {
    return List.copyOf(contentTypes);
  }

  /** The spans received that match, once at least {@code count} have come (10 s at most). */
  List<Received> await(int count, Predicate<Received> matching) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    List<Received> found;
    do {
      found = spans.stream().filter(matching).collect(Collectors.toCollection(ArrayList::new));
      if (found.size() >= count) {
        return found;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("expected " + count + " spans, received " + found + " of " + spans);
  }

  List<Received> all() {
    return List.copyOf(spans);
  }

  private static Map<String, String> strings(List<KeyValue> attributes) {
    return attributes.stream()
        .collect(
            Collectors.toMap(
                KeyValue::getKey,
                kv ->
                    kv.getValue().hasIntValue()
                        ? Long.toString(kv.getValue().getIntValue())
                        : kv.getValue().getStringValue(),
                (a, b) -> b));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
