package io.authcore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;

/**
 * {@code supertokens list}: each running instance with the config file it loaded, which it tells
 * through {@code GET /config?pid=} to whoever knows its pid.
 */
final class ListInstances implements Command {
  private static final int TIMEOUT_MS = 5000;
  private static final String NO_FILE = "none (the defaults apply)";

  private final Installation installation;

  ListInstances(Installation installation) {
    this.installation = installation;
  }

  @Override
  public String listing() {
    return "list";
  }

  @Override
  public String usage() {
    return "supertokens list";
  }

  @Override
  public String description() {
    return "List information about all currently running SuperTokens instances";
  }

  @Override
  public int run(Options options) {
    try {
      List<StartedFiles.Instance> running =
          RunningInstances.in(installation.startedFiles(options.nonEmpty("--with-temp-dir")));
      if (running.isEmpty()) {
        Console.out("No SuperTokens instances running.");
      }
      for (StartedFiles.Instance instance : running) {
        Console.out(
            "-> Instance PID: "
                + instance.pid()
                + ", address: "
                + instance.address()
                + ", config file loaded: "
                + configFile(instance));
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      Console.err("Could not execute list command.");
      return 1;
    }
  }

  private static String configFile(StartedFiles.Instance instance) throws IOException {
    URI uri =
        URI.create(
            "http://"
                + connectable(instance.host())
                + ":"
                + instance.port()
                + instance.basePath()
                + "/config?pid="
                + instance.pid());
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setConnectTimeout(TIMEOUT_MS);
    connection.setReadTimeout(TIMEOUT_MS);
    try {
      if (connection.getResponseCode() != 200) {
        throw new IOException(uri + " answered " + connection.getResponseCode());
      }
      try (InputStream body = connection.getInputStream()) {
        JsonNode reply = Json.MAPPER.readTree(body);
        if (!"OK".equals(reply.path("status").asText())) {
          throw new IOException(uri + " answered " + reply);
        }
        // No path: the instance found no config file and runs on the defaults.
        return reply.hasNonNull("path") ? reply.get("path").asText() : NO_FILE;
      }
    } finally {
      connection.disconnect();
    }
  }

  /** A server bound to every interface is reached on loopback; IPv6 literals need brackets. */
  static String connectable(String host) {
    if (host.equals("0.0.0.0")) {
      return "127.0.0.1";
    }
    if (host.equals("::") || host.equals("[::]")) {
      return "[::1]";
    }
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
