package io.authcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/authcore.jar <command>} run from a clone's root, which the README says
 * does what the installed {@code supertokens} command does.
 */
class CloneJarTest {
  private static final Pattern STARTED =
      Pattern.compile("Started SuperTokens on localhost:(\\d+) with PID: (\\d+)");

  @TempDir Path tempDir;
  private Path root;
  private Cli cli;

  @BeforeEach
  void setUp() throws IOException {
    root = tempDir.toRealPath();
    Files.writeString(root.resolve("config.yaml"), "core_config_version: 0\n");
    Files.writeString(root.resolve("LICENSE"), "Apache License\n");
    cli = new Cli(root).fromJar(root.resolve("target").resolve("authcore.jar"));
  }

  @AfterEach
  void tearDown() {
    cli.close();
  }

  @Test
  void helpNamesTheConfigAndLicenceInTheClonesRoot() {
    String help = cli.run("--help").out();

    assertTrue(
        help.contains(
            "    Installation location               " + root.resolve("target") + File.separator),
        help);
    assertTrue(
        help.contains("    Default config file                 " + root.resolve("config.yaml")),
        help);
    assertTrue(help.contains("    Legal license                       " + root.resolve("LICENSE")));
    assertFalse(help.contains(root.resolve("target").resolve("config.yaml").toString()), help);
  }

  @Test
  void javaOptsReachABackgroundServer() {
    cli.env("JAVA_OPTS", "-Dauthcore.test.marker=yes -Xmx200m");

    Cli.Result start = cli.run("start", "--port=" + Cli.freePort());

    assertEquals(0, start.exitCode(), start.err());
    Matcher started = STARTED.matcher(start.out());
    assertTrue(started.find(), start.out());
    List<String> jvm = arguments(Long.parseLong(started.group(2)));
    assertTrue(jvm.contains("-Dauthcore.test.marker=yes"), jvm.toString());
    // After the launcher's -Xmx256m, as the installed launcher puts them, so they win.
    assertTrue(jvm.indexOf("-Xmx200m") > jvm.indexOf("-Xmx256m"), jvm.toString());
    assertEquals("Hello", Cli.get("http://localhost:" + started.group(1) + "/hello").body().trim());
  }

  @Test
  void javaOptsReachAForegroundServerInAJvmOfItsOwn() {
    cli.env("JAVA_OPTS", "-Dauthcore.test.marker=yes");
    Cli.Running server = cli.spawn("start", "--foreground", "--port=" + Cli.freePort());

    Matcher started = STARTED.matcher(server.awaitLine("Started SuperTokens on"));
    assertTrue(started.matches());
    long pid = Long.parseLong(started.group(2));

    assertNotEquals(server.process.pid(), pid, "java -jar read no JAVA_OPTS: a child serves");
    assertTrue(arguments(pid).contains("-Dauthcore.test.marker=yes"), arguments(pid).toString());
    server.process.toHandle().destroy(); // SIGTERM, passed on to the child
    server.awaitExit();
    assertTrue(server.output().trim().endsWith("Goodbye"), server.output());
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
  }

  /** The JVM options come first, well within what Java reads of a command line. */
  private static List<String> arguments(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(p -> p.info().arguments())
        .map(List::of)
        .orElseThrow(() -> new AssertionError("no arguments for " + pid));
  }
}
