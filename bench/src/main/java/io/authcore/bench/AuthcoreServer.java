package io.authcore.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** target/authcore.jar started as the launcher starts it, in the foreground, on a free port. */
final class AuthcoreServer implements AutoCloseable {
  final Child child;
  final int port;
  final List<String> command;

  private AuthcoreServer(Child child, int port, List<String> command) {
    this.child = child;
    this.port = port;
    this.command = command;
  }

  /**
   * @param extraFlags more JVM flags (a JFR recording, ...); empty for the figures
   * @param env POSTGRESQL_CONNECTION_URI for PostgreSQL; empty for the in-memory database
   */
  static AuthcoreServer start(
      Path jar,
      List<String> flags,
      List<String> extraFlags,
      Map<String, String> env,
      Path dir,
      String name)
      throws IOException {
    return start(jar, flags, extraFlags, env, dir, name, "", List.of());
  }

  /**
   * @param settings more config.yaml lines (the operational runs: a short idle timeout, argon2 at
   *     the import bound); empty for the figures
   * @param prefix what runs the JVM ({@code prlimit --nofile=...} for a descriptor limit); the
   *     server keeps that process's pid, as prlimit execs the command
   */
  static AuthcoreServer start(
      Path jar,
      List<String> flags,
      List<String> extraFlags,
      Map<String, String> env,
      Path dir,
      String name,
      String settings,
      List<String> prefix)
      throws IOException {
    int port = freePort();
    Files.createDirectories(dir);
    // A config file of its own, so no config.yaml lying around (the clone's, the jar
    // directory's) changes what is measured; everything else is the default.
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "core_config_version: 0\n" + settings);
    List<String> jvm = new ArrayList<>(flags);
    jvm.addAll(extraFlags);
    List<String> command = new ArrayList<>(prefix);
    command.addAll(command(jar, jvm, port, config, dir));
    Child child = Child.start(name, command, dir, dir.resolve(name + ".log"), env);
    AuthcoreServer server = new AuthcoreServer(child, port, command);
    try {
      child.awaitLine("Started SuperTokens on", 60_000);
    } catch (IOException e) {
      child.close();
      throw e;
    }
    return server;
  }

  /** {@code java <jvm> -jar <jar> start --foreground} on 127.0.0.1:{@code port} (0: any). */
  static List<String> command(Path jar, List<String> jvm, int port, Path config, Path dir) {
    return Child.java(
        jvm,
        "-jar",
        jar.toString(),
        "start",
        "--foreground",
        "--host=127.0.0.1",
        "--port=" + port,
        "--with-config=" + config,
        "--with-temp-dir=" + dir);
  }

  InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", port);
  }

  /**
   * An environment for a server that unsets every variable of the harness's own environment whose
   * name starts with one of {@code prefixes} (a POSTGRESQL_CONNECTION_URI there would otherwise
   * choose the server's storage); the caller adds what the run sets.
   */
  static Map<String, String> unsetting(String... prefixes) {
    Map<String, String> env = new HashMap<>();
    for (String k : System.getenv().keySet()) {
      for (String prefix : prefixes) {
        if (k.startsWith(prefix)) {
          env.put(k, null);
        }
      }
    }
    return env;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    child.close();
  }
}
