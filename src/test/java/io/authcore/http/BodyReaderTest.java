package io.authcore.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request bodies as clients really send them, over a raw socket: in pieces, chunked, cut short, too
 * large, and one after another on a keep-alive connection. The probe endpoints echo the body's
 * "email" (on a worker, and on the I/O thread).
 */
class BodyReaderTest {
  static HttpServer server;

  @BeforeAll
  static void start() {
    server = PipelineTest.start(java.util.Map.of());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void aBodyInPiecesIsReadWhole() throws Exception {
    for (String path : new String[] {"/probe/body", "/probe/leave"}) {
      try (Socket socket = connect()) {
        String body = "{\"email\":\"" + "x".repeat(3000) + "\",\"block\":false}";
        OutputStream out = socket.getOutputStream();
        out.write(head("POST", path, "Content-Length: " + body.length()));
        out.flush();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 1000) {
          Thread.sleep(50); // each piece after the server has read what it had
          out.write(bytes, i, Math.min(1000, bytes.length - i));
          out.flush();
        }
        String reply = readReply(socket.getInputStream());
        assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
        assertTrue(reply.contains("x".repeat(3000)), reply);
      }
    }
  }

  @Test
  void keepAliveRequestsWithBodiesFollowEachOther() throws Exception {
    try (Socket socket = connect()) {
      for (int i = 0; i < 3; i++) {
        String body = "{\"email\":\"n" + i + "\",\"block\":" + (i == 1) + "}";
        String path = i == 0 ? "/probe/body" : "/probe/leave";
        socket.getOutputStream().write(withBody(path, body));
        String reply = readReply(socket.getInputStream());
        assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
        assertTrue(reply.contains("n" + i), reply);
      }
      // Two requests in one write: the second body must not be taken for part of the first.
      String a = "{\"email\":\"first\"}";
      String b = "{\"email\":\"second\"}";
      byte[] both = concat(withBody("/probe/body", a), withBody("/probe/body", b));
      socket.getOutputStream().write(both);
      String first = readReply(socket.getInputStream());
      String second = readReply(socket.getInputStream());
      assertTrue(first.contains("\"email\":\"first\""), first);
      assertTrue(second.contains("\"email\":\"second\""), second);
    }
  }

  @Test
  void aChunkedBodyIsReadToo() throws Exception {
    try (Socket socket = connect()) {
      send(
          socket, "Transfer-Encoding: chunked", "8\r\n{\"email\"\r\n9\r\n:\"chunk\"}\r\n0\r\n\r\n");
      String reply = readReply(socket.getInputStream());
      assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
      assertTrue(reply.contains("\"email\":\"chunk\""), reply);
    }
  }

  @Test
  void aBodyCutShortGetsNoReplyAndTheConnectionCloses() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "Content-Length: 100", "{\"email\":");
      socket.shutdownOutput();
      assertEquals("", readReply(socket.getInputStream()));
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "Content-Length: " + (11L * 1024 * 1024), "{\"email\":\"");
      String reply = readReply(socket.getInputStream());
      assertTrue(reply.startsWith("HTTP/1.1 413"), reply);
      assertTrue(reply.endsWith("Request body too large\n"), reply);
    }
  }

  @Test
  void anEmptyBodyIsAnEmptyBody() throws Exception {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(withBody("/probe/body", ""));
      String reply = readReply(socket.getInputStream());
      assertTrue(reply.startsWith("HTTP/1.1 400"), reply);
      assertTrue(reply.endsWith("Invalid Json Input\n"), reply);
    }
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  // A POST to the echo probe with one extra header and what is sent of its body.
  private static void send(Socket socket, String header, String body) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(head("POST", "/probe/body", header));
    out.write(body.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static byte[] head(String method, String path, String header) {
    String text =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + header
            + "\r\n\r\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] withBody(String path, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return concat(head("POST", path, "Content-Length: " + bytes.length), bytes);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  // One reply (head and a Content-Length body), or what came before the server closed.
  private static String readReply(InputStream in) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    int headEnd = -1;
    long length = -1;
    try {
      int c;
      while ((c = in.read()) >= 0) {
        seen.write(c);
        String text = seen.toString(StandardCharsets.UTF_8);
        if (headEnd < 0 && text.endsWith("\r\n\r\n")) {
          headEnd = text.length();
          length = contentLength(text);
        }
        if (headEnd >= 0 && seen.size() - headEnd >= length) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no reply; so far: " + seen, e);
    }
    return seen.toString(StandardCharsets.UTF_8);
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring(15).trim());
      }
    }
    return 0;
  }
}
