package io.authcore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The training run behind the class-data sharing archive that the install script makes ({@code
 * -XX:ArchiveClassesAtExit}, issue 23): with {@code -Dauthcore.cds.training=true} a foreground
 * start on the in-memory database, whatever the environment says, serves the requests a backend
 * makes first (hello, a session created, verified and refreshed, a sign-up and a sign-in) and
 * exits, and the JVM writes every class loaded by then into the archive. A start from that archive
 * maps those classes instead of reading, verifying and linking them from the jar.
 */
final class CdsTraining {
  static final String PROPERTY = "authcore.cds.training";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CdsTraining() {}

  static boolean requested() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** The environment the server reads its settings from: none for a training run. */
  static Map<String, String> environment() {
    return requested() ? Map.of() : System.getenv();
  }

  /** Exit code: 0 when every request was answered as the SDK expects. */
  static int run(String host, int port) {
    try {
      String address = host.equals("0.0.0.0") ? "127.0.0.1" : host;
      call(address, port, "GET", "/hello", null);
      call(address, port, "GET", "/apiversion", null);
      JsonNode session =
          call(
              address,
              port,
              "POST",
              "/recipe/session",
              "{\"userId\":\"cds-training\",\"userDataInJWT\":{},\"userDataInDatabase\":{},"
                  + "\"enableAntiCsrf\":false}");
      String access = session.path("accessToken").path("token").asText();
      String refresh = session.path("refreshToken").path("token").asText();
      call(
          address,
          port,
          "POST",
          "/recipe/session/verify",
          "{\"accessToken\":\""
              + access
              + "\",\"enableAntiCsrf\":false,\"doAntiCsrfCheck\":false,\"checkDatabase\":true}");
      call(
          address,
          port,
          "POST",
          "/recipe/session/refresh",
          "{\"refreshToken\":\""
              + refresh
              + "\",\"enableAntiCsrf\":false,\"useDynamicSigningKey\":true}");
      String credentials =
          "{\"email\":\"cds-training@example.com\",\"password\":\"cds-training-1\"}";
      call(address, port, "POST", "/recipe/signup", credentials);
      call(address, port, "POST", "/recipe/signin", credentials);
      call(address, port, "GET", "/users?limit=1", null);
      return 0;
    } catch (IOException | RuntimeException e) {
      Console.err("Class-data sharing training failed: " + e.getMessage());
      return 1;
    }
  }

  /** One request on a connection of its own; the body of a 200 as JSON, else an exception. */
  private static JsonNode call(String host, int port, String method, String path, String body)
      throws IOException {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    String head =
        method
            + " "
            + path
            + " HTTP/1.1\r\nhost: "
            + host
            + "\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: "
            + content.length
            + "\r\n\r\n";
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int split = reply.indexOf("\r\n\r\n");
      if (!reply.startsWith("HTTP/1.1 200") || split < 0) {
        throw new IOException(method + " " + path + ": " + reply.lines().findFirst().orElse(""));
      }
      String payload = reply.substring(split + 4);
      return payload.startsWith("{") ? JSON.readTree(payload) : JSON.nullNode();
    }
  }
}
