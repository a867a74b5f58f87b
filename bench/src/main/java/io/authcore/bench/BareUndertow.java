package io.authcore.bench;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The /hello ceiling: a bare Undertow server, in a JVM of its own with the server's flags, that
 * answers "Hello" to any request. {@code io}: the handler runs on the I/O thread (the fastest
 * Undertow can answer); {@code worker}: it is dispatched to a worker pool of the server's default
 * size first, as a handler that may block must be.
 */
final class BareUndertow {
  private BareUndertow() {}

  /** A bare Undertow started in its JVM, and the port it listens on. */
  record Launched(Child child, int port) implements AutoCloseable {
    @Override
    public void close() {
      child.close();
    }
  }

  /**
   * Starts one on {@code flags} (its output in {@code raw/<name>.log}) and waits until it listens.
   */
  static Launched start(String name, String mode, List<String> flags, Path raw) throws IOException {
    Child child =
        Child.start(
            name,
            Child.java(
                flags,
                "-cp",
                Child.harnessJar().toString(),
                Main.class.getName(),
                "undertow",
                "--mode=" + mode,
                "--port=0"),
            raw,
            raw.resolve(name + ".log"),
            Map.of());
    try {
      return new Launched(
          child, Integer.parseInt(child.awaitLine("READY ", 30_000).trim().split(" ")[1]));
    } catch (IOException | RuntimeException e) {
      child.close();
      throw e;
    }
  }

  static void main(Options options) throws InterruptedException {
    int port = options.integer("port", 0);
    String mode = options.string("mode", "io");
    HttpHandler hello =
        exchange -> {
          exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
          exchange.getResponseSender().send("Hello");
        };
    Undertow.Builder builder = Undertow.builder().addHttpListener(port, "127.0.0.1");
    if (mode.equals("worker")) {
      builder.setWorkerThreads(10).setHandler(new BlockingHandler(hello));
    } else {
      builder.setHandler(hello);
    }
    Undertow undertow = builder.build();
    undertow.start();
    int bound = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    System.out.println("READY " + bound);
    System.out.flush();
    Thread.currentThread().join();
  }
}
