package io.authcore.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One side of a side-by-side round, started the way its users start it: Authcore from its jar with
 * the launcher's flags, the original through {@code start.sh}; closing it stops it.
 */
interface SideBySideServer extends AutoCloseable {
  int port();

  long pid();

  @Override
  void close();

  static SideBySideServer start(
      String side,
      Map<String, String> env,
      Path jar,
      List<String> flags,
      Path original,
      Path raw,
      String label,
      Machine.Log log)
      throws IOException {
    if (side.equals("authcore")) {
      AuthcoreServer server =
          AuthcoreServer.start(jar, flags, List.of(), env, raw, "authcore-" + label);
      return new SideBySideServer() {
        public int port() {
          return server.port;
        }

        public long pid() {
          return server.child.pid();
        }

        public void close() {
          server.close();
        }
      };
    }
    int port = AuthcoreServer.freePort();
    String uri = env.getOrDefault("POSTGRESQL_CONNECTION_URI", null);
    List<String> command = new ArrayList<>(List.of(original.resolve("start.sh").toString()));
    command.add(String.valueOf(port));
    if (uri != null) {
      command.add(uri);
    }
    Child.Result started = Child.exec(command, 240);
    String[] lines = started.output().strip().split("\n");
    long pid;
    try {
      pid = Long.parseLong(lines[lines.length - 1].trim());
    } catch (NumberFormatException e) {
      throw new IOException("the original did not start: " + started.output());
    }
    return new SideBySideServer() {
      public int port() {
        return port;
      }

      public long pid() {
        return pid;
      }

      public void close() {
        try {
          Child.exec(List.of(original.resolve("stop.sh").toString(), String.valueOf(port)), 60);
        } catch (IOException e) {
          log.line("  could not stop the original on port " + port + ": " + e.getMessage());
        }
      }
    };
  }
}
