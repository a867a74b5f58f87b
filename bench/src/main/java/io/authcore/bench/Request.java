package io.authcore.bench;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP request as the bytes the load client writes, the operation it is counted under, and when
 * it is due (0: at once; otherwise a {@link System#nanoTime()} instant for paced load, from which
 * its latency is then measured, so a late send counts against the server).
 */
record Request(String op, byte[] bytes, long dueNanos) {
  static final String CDI_VERSION = "5.4";

  static Request get(String op, String host, String path) {
    String head = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
    return new Request(op, head.getBytes(StandardCharsets.US_ASCII), 0);
  }

  static Request post(String op, String host, String path, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\ncdi-version: "
            + CDI_VERSION
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return new Request(op, all, 0);
  }

  Request due(long nanos) {
    return new Request(op, bytes, nanos);
  }
}
