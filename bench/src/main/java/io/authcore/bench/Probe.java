package io.authcore.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One request on a connection of its own, timed: what a probe or an SDK's single call sees. */
final class Probe {
  private Probe() {}

  /** A status (-1: no answer: refused, reset, timed out) and the time to it. */
  record Answer(int status, double ms, String body) {}

  static Answer hello(int port, int timeoutMs) {
    return send(
        port,
        "GET /hello HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII),
        timeoutMs);
  }

  /** A POST with the harness's CDI version, as {@link Request#post} words it. */
  static Answer post(int port, String path, String json, int timeoutMs) {
    String head =
        new String(Request.post("probe", "127.0.0.1", path, json).bytes(), StandardCharsets.UTF_8);
    String closing = head.replaceFirst("\r\n", "\r\nconnection: close\r\n");
    return send(port, closing.getBytes(StandardCharsets.UTF_8), timeoutMs);
  }

  private static Answer send(int port, byte[] request, int timeoutMs) {
    long t0 = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMs);
      socket.setSoTimeout(timeoutMs);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int blank = reply.indexOf("\r\n\r\n");
      return new Answer(
          statusCode(reply),
          (System.nanoTime() - t0) / 1e6,
          blank < 0 ? "" : reply.substring(blank + 4));
    } catch (IOException e) {
      return new Answer(-1, (System.nanoTime() - t0) / 1e6, e.toString());
    }
  }

  /**
   * The status code of a reply's first line ({@code HTTP/1.1 500 Internal Server Error}); -1 if
   * none.
   */
  static int statusCode(String reply) {
    if (!reply.startsWith("HTTP/1.")) {
      return -1;
    }
    String[] parts = reply.split(" ", 3);
    try {
      return parts.length >= 2 ? Integer.parseInt(parts[1].trim()) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
