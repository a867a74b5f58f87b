package io.authcore.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.authcore.cli.CliJar;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command in a fenced {@code sh} block of the README is run: here, by another test (named,
 * and checked to run it), or by {@code .ci/run} (checked to contain it). A command that nothing
 * runs fails this test, and so does a rule whose command the README no longer has, so the README
 * and the product cannot drift apart.
 */
class ReadmeCommandsTest {
  private static final Path README = Path.of("README.md");

  @TempDir Path dir;

  /** How each kind of README command is run; the keys match whole command lines. */
  private final Map<Pattern, Predicate<String>> rules = rules();

  private Map<Pattern, Predicate<String>> rules() {
    Map<Pattern, Predicate<String>> r = new LinkedHashMap<>();
    // The first screen's start command, and the curl that follows it: run here, below.
    r.put(
        Pattern.compile(
            "\\./mvnw -q -DskipTests package && java -jar target/authcore\\.jar start --foreground"),
        command -> ciRuns("./mvnw -B verify") && startedAndAnswered());
    r.put(Pattern.compile("curl localhost:3567/hello"), command -> startedAndAnswered());
    r.put(Pattern.compile("\\./mvnw verify"), command -> ciRuns("./mvnw -B verify"));
    // The image: packaging/test-image builds this Dockerfile and runs it with each variable.
    r.put(
        Pattern.compile("docker (build|run) .*"),
        command -> ciRuns("packaging/test-image") && imageTestSets(command));
    r.put(
        Pattern.compile("docker compose up -d"),
        command ->
            ciRuns("packaging/test-compose")
                && fileContains("packaging/test-compose", "up -d")
                && fileContains("packaging/test-compose", "-f docker-compose.yml"));
    r.put(Pattern.compile("helm install \\S+ \\./helm-chart( --set \\S+)*"), this::rendered);
    r.put(
        Pattern.compile("sudo \\./install"),
        command -> fileContains("src/test/java/io/authcore/cli/InstallScriptTest.java", "install"));
    r.put(
        Pattern.compile("supertokens (start|stop|list)"),
        command ->
            fileContains(
                "src/test/java/io/authcore/cli/CliProcessTest.java",
                "\"" + command.split(" ")[1] + "\""));
    r.put(Pattern.compile("bench/run( .*)?"), command -> ciRuns("bench/run startup"));
    r.put(Pattern.compile("packaging/test-(image|compose)"), ReadmeCommandsTest::ciRuns);
    return r;
  }

  @Test
  void everyReadmeCommandIsRunByATestOrByCi() throws Exception {
    List<String> commands = commands(Files.readString(README, StandardCharsets.UTF_8));
    assertTrue(commands.size() >= 10, commands.toString());
    Map<Pattern, Integer> used = new LinkedHashMap<>();
    for (String command : commands) {
      List<Pattern> matching =
          rules.keySet().stream().filter(p -> p.matcher(command).matches()).toList();
      if (matching.isEmpty()) {
        fail("README command that no test and no CI step runs: " + command);
      }
      for (Pattern rule : matching) {
        assertTrue(rules.get(rule).test(command), "not run as the README says: " + command);
        used.merge(rule, 1, Integer::sum);
      }
    }
    for (Pattern rule : rules.keySet()) {
      assertTrue(used.containsKey(rule), "no README command left for the rule " + rule);
    }
  }

  @Test
  void commandsAreTheFencedShellLinesWithContinuationsJoined() {
    String text =
        "x\n```sh\na --b \\\n  --c   # note\n\nd\n```\n```text\nnot a command\n```\n```sh\ne\n```\n";
    assertEquals(List.of("a --b --c", "d", "e"), commands(text));
  }

  /** The lines of every {@code ```sh} block, continuations joined, comments dropped. */
  static List<String> commands(String markdown) {
    List<String> out = new ArrayList<>();
    Matcher block = Pattern.compile("(?ms)^```sh\\n(.*?)^```").matcher(markdown);
    while (block.find()) {
      String joined = block.group(1).replaceAll("\\\\\\n\\s*", " ");
      for (String line : joined.split("\n")) {
        String command = line.replaceAll("\\s+#.*$", "").trim().replaceAll("\\s+", " ");
        if (!command.isEmpty() && !command.startsWith("#")) {
          out.add(command);
        }
      }
    }
    return out;
  }

  private static boolean ciRuns(String command) {
    try {
      return Files.readString(Path.of(".ci/run")).lines().anyMatch(l -> l.contains(command));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static boolean fileContains(String file, String text) {
    try {
      return Files.readString(Path.of(file)).contains(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** packaging/test-image builds the Dockerfile and passes every variable the command sets. */
  private static boolean imageTestSets(String command) {
    if (command.startsWith("docker build")) {
      return fileContains("packaging/test-image", "podman build --pull=never");
    }
    Matcher env = Pattern.compile("-e (\\w+)=").matcher(command);
    while (env.find()) {
      if (!fileContains("packaging/test-image", "-e " + env.group(1) + "=")) {
        return false;
      }
    }
    return fileContains("packaging/test-image", "-p \"127.0.0.1:$port:3567\"");
  }

  /** helm install's {@code --set}s, rendered here by Helm's engine: a Deployment of the image. */
  private boolean rendered(String command) {
    TemplateCommand template = new Helm(Path.of("helm-chart")).template().withName("auth");
    Matcher set = Pattern.compile("--set (\\S+?)=(\\S+)").matcher(command);
    String repository = null;
    while (set.find()) {
      template = template.set(set.group(1), set.group(2));
      if (set.group(1).equals("image.repository")) {
        repository = set.group(2);
      }
    }
    String manifest = template.call();
    return manifest.contains("kind: Deployment")
        && (repository == null || manifest.contains("image: \"" + repository + ":"));
  }

  private Boolean started;

  /**
   * The README's start command, run as it is on a jar of the compiled classes (the shaded jar comes
   * after the tests), on a free port, and its {@code curl localhost:3567/hello} on that port.
   */
  private boolean startedAndAnswered() {
    if (started == null) {
      started = startAndAskHello();
    }
    return started;
  }

  private boolean startAndAskHello() {
    try {
      Path jar = CliJar.write(dir.resolve("target").resolve("authcore.jar"));
      Files.writeString(dir.resolve("config.yaml"), "core_config_version: 0\n");
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString(),
                  "start",
                  "--foreground")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("server.log").toFile());
      builder.environment().put("SUPERTOKENS_PORT", String.valueOf(port));
      builder.environment().remove("JAVA_OPTS");
      builder.environment().remove("POSTGRESQL_CONNECTION_URI");
      Process server = builder.start();
      try {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && server.isAlive()) {
          try {
            HttpResponse<String> hello =
                client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hello"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            return hello.statusCode() == 200 && hello.body().strip().equals("Hello");
          } catch (IOException e) {
            Thread.sleep(100); // not listening yet
          }
        }
        throw new AssertionError(
            "the README's start command did not answer /hello:\n"
                + Files.readString(dir.resolve("server.log")));
      } finally {
        server.destroy();
        server.waitFor(30, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
