package io.authcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.Authcore;
import io.authcore.config.ConfigLoader;
import io.authcore.http.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /config?pid=}, which {@code supertokens list} relies on. */
class ConfigApiTest {
  @TempDir Path dir;
  private Authcore core;
  private Path configFile;

  @BeforeEach
  void start() throws Exception {
    configFile = dir.resolve("config.yaml");
    Files.writeString(configFile, "core_config_version: 0\n");
    core =
        Authcore.start(
            ConfigLoader.load(
                configFile,
                Map.of(),
                Map.of("port", Integer.toString(Cli.freePort()), "api_keys", "a".repeat(20)),
                false));
  }

  @AfterEach
  void stop() {
    core.close();
  }

  @Test
  void ourPidGetsTheLoadedFileWithoutAnApiKey() throws Exception {
    HttpResponse<String> response = get("/config?pid=" + ProcessHandle.current().pid());

    assertEquals(200, response.statusCode());
    JsonNode body = Json.MAPPER.readTree(response.body());
    assertEquals("OK", body.get("status").asText());
    assertEquals(configFile.toAbsolutePath().toString(), body.get("path").asText());
  }

  @Test
  void withNoFileLoadedNoPathIsNamed() {
    try (Authcore defaults =
        Authcore.start(ConfigLoader.load(null, Map.of(), Map.of("port", "0"), false))) {
      HttpResponse<String> response =
          Cli.get(
              "http://localhost:"
                  + defaults.port()
                  + "/config?pid="
                  + ProcessHandle.current().pid());

      assertEquals(200, response.statusCode());
      assertEquals("{\"status\":\"OK\"}", response.body().trim());
    }
  }

  @Test
  void anyOtherPidIsNotAllowed() throws Exception {
    HttpResponse<String> response = get("/config?pid=1" + ProcessHandle.current().pid());

    assertEquals(200, response.statusCode());
    assertEquals("{\"status\":\"NOT_ALLOWED\"}", response.body().trim());
  }

  @Test
  void thePidIsRequired() {
    HttpResponse<String> response = get("/config");

    assertEquals(400, response.statusCode());
    assertEquals("Field name 'pid' is missing in GET request", response.body().trim());
  }

  private HttpResponse<String> get(String path) {
    return Cli.get("http://localhost:" + core.port() + path);
  }
}
