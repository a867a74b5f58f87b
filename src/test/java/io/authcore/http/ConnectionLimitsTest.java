package io.authcore.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Idle, slow and surplus connections, over real sockets: the server closes what it should, keeps
 * within its cap, and keeps answering {@code /hello}.
 */
class ConnectionLimitsTest {
  static final String HELLO = "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n";

  @Test
  void idleAndSlowConnectionsAreClosedWhileHelloKeepsAnswering() throws Exception {
    Map<String, String> config =
        Map.of("webserver_idle_timeout_ms", "1000", "webserver_request_read_timeout_ms", "1000");
    try (TestServer server = TestServer.start(config)) {
      List<Socket> idle = open(server.port(), 500);
      List<Socket> slowHeaders = open(server.port(), 100);
      for (Socket s : slowHeaders) {
        send(s, "POST /recipe/session HTTP/1.1\r\nHost: localhost\r\n");
      }
      List<Socket> slowBodies = open(server.port(), 100);
      for (Socket s : slowBodies) {
        send(s, "POST /recipe/session HTTP/1.1\r\nHost: l\r\nContent-Length: 100\r\n\r\n{\"u");
      }
      List<Socket> kept = open(server.port(), 20);
      for (Socket s : kept) {
        send(s, HELLO);
        assertTrue(readAll(s, 2000).startsWith("HTTP/1.1 200"), "a request on a kept connection");
      }

      assertEquals(200, server.http().get("/hello").status(), "answers while they are open");

      // Trickling keeps no slow connection alive: the timeouts run from the start, not from the
      // last byte.
      for (int i = 0; i < 3; i++) {
        Thread.sleep(400);
        for (Socket s : slowHeaders) {
          send(s, "X");
        }
        for (Socket s : slowBodies) {
          send(s, "x");
        }
      }
      List<Socket> all = new ArrayList<>();
      all.addAll(idle);
      all.addAll(slowHeaders);
      all.addAll(slowBodies);
      all.addAll(kept);
      for (Socket s : all) {
        assertTrue(closedByServer(s, 3000), "the server closed an idle or slow connection");
      }
      assertEquals(200, server.http().get("/hello").status());
      closeAll(all);
    }
  }

  @Test
  void pastTheCapNewConnectionsWaitUntilOthersClose() throws Exception {
    int cap = 40;
    Map<String, String> config = Map.of("webserver_max_connections", String.valueOf(cap));
    try (TestServer server = TestServer.start(config)) {
      List<Socket> first = open(server.port(), cap + 60);
      int answered = 0;
      List<Socket> waiting = new ArrayList<>();
      for (Socket s : first) {
        send(s, HELLO);
      }
      Thread.sleep(1000); // ample for those accepted to be answered
      for (Socket s : first) {
        if (s.getInputStream().available() > 0) {
          assertTrue(readAll(s, 1000).startsWith("HTTP/1.1 200"));
          answered++;
        } else {
          waiting.add(s);
        }
      }
      assertTrue(answered > 0 && answered <= cap, "answered " + answered + " of " + first.size());
      assertTrue(waiting.size() >= 60, "waiting " + waiting.size());

      first.removeAll(waiting);
      closeAll(first); // the held keep-alive connections go, so the queued ones get in
      for (Socket s : waiting.subList(0, 20)) {
        assertTrue(readAll(s, 5000).startsWith("HTTP/1.1 200"), "served once there is room");
      }
      closeAll(waiting);
    }
  }

  @Test
  void aRefusedAddressIsAnsweredAndDisconnectedWithoutWaitingForItsBody() throws Exception {
    Map<String, String> config = Map.of("ip_deny_regex", "127[.]0[.]0[.]1|0:0:0:0:0:0:0:1");
    try (TestServer server = TestServer.start(config);
        Socket s = open(server.port(), 1).get(0)) {
      send(s, "POST /recipe/signin HTTP/1.1\r\nHost: l\r\nContent-Length: 100\r\n\r\n{");
      assertTrue(readAll(s, 2000).startsWith("HTTP/1.1 403"));
      assertTrue(closedByServer(s, 2000), "the connection stays open for the rest of the body");
    }
  }

  @Test
  void theAutomaticCapLeavesDescriptorsForEverythingElse() {
    assertEquals(18_000, Connections.byDescriptors(20_000));
    assertEquals(768, Connections.byDescriptors(1024));
    assertEquals(128, Connections.byDescriptors(256));
    int cap = Connections.cap(io.authcore.config.CoreConfig.defaults());
    assertTrue(cap > 0 && cap <= Runtime.getRuntime().maxMemory() / 8192, "cap " + cap);
  }

  static List<Socket> open(int port, int count) throws IOException {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Socket s = new Socket();
      s.connect(new InetSocketAddress("localhost", port), 5000);
      sockets.add(s);
    }
    return sockets;
  }

  static void send(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** What arrives within {@code ms} (one response is small enough to come in one read). */
  static String readAll(Socket s, int ms) throws IOException {
    s.setSoTimeout(ms);
    byte[] buffer = new byte[4096];
    try {
      int n = s.getInputStream().read(buffer);
      return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.US_ASCII);
    } catch (SocketTimeoutException e) {
      return "";
    }
  }

  /** True when the server ends the connection within {@code ms}. */
  static boolean closedByServer(Socket s, int ms) throws IOException {
    s.setSoTimeout(ms);
    InputStream in = s.getInputStream();
    try {
      while (true) {
        int b = in.read();
        if (b < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by the server
    }
  }

  static void closeAll(List<Socket> sockets) throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
  }
}
