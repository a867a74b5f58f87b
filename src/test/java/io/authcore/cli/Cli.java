package io.authcore.cli;

import io.authcore.config.Setting;
import io.authcore.config.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Runs {@code io.authcore.cli.Main} as a real child JVM in a scratch installation directory (the
 * working directory stands in for it, as there is no jar), and cleans up whatever it started.
 */
final class Cli implements AutoCloseable {
  /** What a finished command printed and returned. */
  record Result(int exitCode, String out, String err) {}

  private static final Duration LIMIT = Duration.ofSeconds(60);

  final Path dir;
  private final List<Process> processes = new CopyOnWriteArrayList<>();
  private final Map<String, String> env = new java.util.HashMap<>();
  private Path jar;

  /** Servers a daemon start announced: no longer our descendants once their parent exited. */
  private final List<Long> announced = new CopyOnWriteArrayList<>();

  Cli(Path dir) {
    this.dir = dir;
  }

  /** Sets an environment variable for the commands run from now on. */
  Cli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /**
   * Runs the commands from now on as {@code java -jar <jar>}, as from a clone's {@code target/},
   * with a jar made from the compiled classes (the shaded jar is built only after the tests).
   */
  Cli fromJar(Path jar) {
    this.jar = writeJar(jar);
    return this;
  }

  Result run(String... args) {
    try {
      Path out = Files.createTempFile(dir, "out", ".txt");
      Path err = Files.createTempFile(dir, "err", ".txt");
      Process process =
          builder(args)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
      processes.add(process);
      if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("supertokens " + String.join(" ", args) + " did not finish");
      }
      Result result =
          new Result(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      java.util.regex.Matcher pid =
          java.util.regex.Pattern.compile("with PID: (\\d+)").matcher(result.out());
      while (pid.find()) {
        announced.add(Long.parseLong(pid.group(1)));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A long-running command whose stdout the test reads line by line. */
  Running spawn(String... args) {
    try {
      Process process = builder(args).redirectErrorStream(true).start();
      processes.add(process);
      return new Running(process);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProcessBuilder builder(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1"); // starts faster; these JVMs live for seconds
    if (jar != null) {
      command.add("-jar");
      command.add(jar.toString());
    } else {
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(Main.class.getName());
    }
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    // Only what the test writes configures the core, not the environment it runs in.
    Map<String, String> environment = builder.environment();
    for (Setting setting : Settings.ALL) {
      environment.remove(setting.env());
    }
    environment.remove("JAVA_TOOL_OPTIONS");
    environment.remove(JavaCommand.JAVA_OPTS);
    environment.putAll(env);
    return builder;
  }

  /** authcore.jar: the compiled main classes, and the dependencies through its Class-Path. */
  static Path writeJar(Path jar) {
    Path classes = null;
    List<String> dependencies = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      if (Files.isDirectory(path) && Files.exists(path.resolve("io/authcore/cli/Main.class"))) {
        classes = path;
      } else if (Files.isRegularFile(path)) {
        dependencies.add(path.toUri().toString());
      }
    }
    if (classes == null) {
      throw new AssertionError("the compiled classes are not on the classpath");
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", dependencies));
    try {
      Files.createDirectories(jar.getParent());
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
          Stream<Path> files = Files.walk(classes)) {
        // Directories get entries too, as in a packaged jar: Flyway finds its migration
        // folders through them (without, a server from this jar lacks the later migrations).
        Path root = classes;
        for (Path file : files.filter(p -> !p.equals(root)).toList()) {
          String name = root.relativize(file).toString().replace('\\', '/');
          boolean directory = Files.isDirectory(file);
          out.putNextEntry(new JarEntry(directory ? name + "/" : name));
          if (!directory) {
            Files.copy(file, out);
          }
          out.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /** A foreground server, its combined output collected as it comes. */
  static final class Running {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    Running(Process process) {
      this.process = process;
      this.reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = in.readLine()) != null) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  // the process is gone
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    /** Waits for a line starting with {@code prefix}; fails with the output so far. */
    String awaitLine(String prefix) {
      return await(
          () -> lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(null),
          "a line starting with '" + prefix + "'");
    }

    <T> T await(java.util.function.Supplier<T> probe, String what) {
      Instant deadline = Instant.now().plus(LIMIT);
      while (Instant.now().isBefore(deadline)) {
        T value = probe.get();
        if (value != null) {
          return value;
        }
        if (!process.isAlive() && !reader.isAlive()) {
          break;
        }
        pause();
      }
      T value = probe.get();
      if (value != null) {
        return value;
      }
      throw new AssertionError("no " + what + " in:\n" + String.join("\n", lines));
    }

    /** Waits for the process to end and its output to be read; returns the exit code. */
    int awaitExit() {
      try {
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
          throw new AssertionError("did not exit:\n" + String.join("\n", lines));
        }
        reader.join(LIMIT.toMillis());
        return process.exitValue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    String output() {
      return String.join("\n", lines);
    }
  }

  /** Polls something a child process will do; the child runs on its own clock, not ours. */
  static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpResponse<String> get(String url) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Kills every server still running from this directory, then the processes we started. */
  @Override
  public void close() {
    try {
      for (StartedFiles.Instance instance : new StartedFiles(dir.resolve(".started")).read()) {
        ProcessHandle.of(instance.pid()).ifPresent(ProcessHandle::destroyForcibly);
      }
    } catch (IOException e) {
      // nothing to clean
    }
    for (long pid : announced) {
      StartedFiles.Instance server = new StartedFiles.Instance("", 0, pid, "", dir);
      if (server.alive() && RunningInstances.looksLikeAuthcore(server)) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
    for (Process process : processes) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
