package io.authcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code USE_STRUCTURED_LOGGING=true} on a real foreground start: from the first line (before the
 * config is read) to the last, every log line is JSON; the console lines that scripts wait for stay
 * bare, as the original prints them.
 */
class StructuredCliTest {
  // Printed to the console as they are, not logged, when no log file is configured.
  private static final List<String> CONSOLE =
      List.of("Started SuperTokens on", "Stopping SuperTokens...", "Goodbye");

  @TempDir Path dir;
  private Cli cli;

  @AfterEach
  void tearDown() {
    cli.close();
  }

  @Test
  void everyLogLineOfAForegroundServerIsJson() throws IOException {
    cli = new Cli(dir).env("USE_STRUCTURED_LOGGING", "true");
    Files.writeString(dir.resolve("config.yaml"), "core_config_version: 0\naccess_log: true\n");
    int port = Cli.freePort();
    Cli.Running server = cli.spawn("start", "--foreground", "--port=" + port);
    server.awaitLine("Started SuperTokens on");
    Cli.get("http://localhost:" + port + "/hello");

    server.process.toHandle().destroy();
    server.awaitExit();

    ObjectMapper mapper = new ObjectMapper();
    int json = 0;
    boolean access = false;
    for (String line : server.output().split("\n")) {
      if (line.isBlank() || CONSOLE.stream().anyMatch(line::startsWith)) {
        continue;
      }
      JsonNode node = mapper.readTree(line);
      assertTrue(node.has("message") && node.has("level") && node.has("timestamp"), line);
      json++;
      if (node.get("logger").asText().equals("io.authcore.access")) {
        access = true;
        assertEquals("/hello", node.get("route").asText(), line);
        assertEquals(200, node.get("status").asInt(), line);
      }
    }
    assertTrue(json >= 3, server.output());
    assertTrue(access, "an access line: " + server.output());
    assertTrue(server.output().contains("Completed config.yaml loading."), server.output());
  }
}
