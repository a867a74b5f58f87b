package io.authcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code supertokens} command run as a real process, as an operator runs it. */
class CliProcessTest {
  private static final Pattern STARTED =
      Pattern.compile("Started SuperTokens on localhost:(\\d+) with PID: (\\d+)");

  @TempDir Path dir;
  private Cli cli;

  @BeforeEach
  void setUp() throws IOException {
    cli = new Cli(dir);
    Files.writeString(dir.resolve("config.yaml"), "core_config_version: 0\n");
  }

  @AfterEach
  void tearDown() {
    cli.close();
  }

  @Test
  void daemonStartServesIsListedAndStops() throws IOException {
    int port = Cli.freePort();

    Cli.Result start = cli.run("start", "--port=" + port);

    assertEquals(0, start.exitCode(), start.err());
    Matcher started = STARTED.matcher(start.out());
    assertTrue(started.find(), start.out());
    assertEquals(port, Integer.parseInt(started.group(1)));
    long pid = Long.parseLong(started.group(2));
    assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    Path startedFile = dir.resolve(".started").resolve("localhost-" + port);
    assertEquals(pid + "\n", Files.readString(startedFile, StandardCharsets.UTF_8));
    assertEquals("Hello", Cli.get("http://localhost:" + port + "/hello").body().trim());

    Cli.Result list = cli.run("list");
    assertEquals(0, list.exitCode(), list.err());
    assertEquals(
        "-> Instance PID: "
            + pid
            + ", address: localhost:"
            + port
            + ", config file loaded: "
            + dir.resolve("config.yaml").toRealPath(),
        list.out().trim());

    Cli.Result unknown = cli.run("stop", "--id=1" + pid);
    assertEquals(1, unknown.exitCode());
    assertTrue(
        unknown
            .out()
            .contains(
                "Unknown PID: 1"
                    + pid
                    + ". Please use \"supertokens list\" to list all currently running instances"
                    + " along with their PIDs"),
        unknown.out());

    Cli.Result stop = cli.run("stop");
    assertEquals(0, stop.exitCode(), stop.err());
    assertEquals(
        "Successfully stopped SuperTokens with PID " + pid + ", running on localhost:" + port,
        stop.out().trim());
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    assertFalse(Files.exists(startedFile));
    // A daemon's logs go to the installation's logs/, since nobody reads its stdout.
    String infoLog = Files.readString(dir.resolve("logs").resolve("info.log"));
    assertTrue(infoLog.contains("Started SuperTokens on localhost:" + port), infoLog);
    assertTrue(infoLog.contains("Goodbye"), infoLog);

    assertEquals("No SuperTokens instances running.", cli.run("list").out().trim());
  }

  @Test
  void stopWithNothingRunningSaysSo() {
    Cli.Result stop = cli.run("stop");

    assertEquals(0, stop.exitCode());
    assertEquals("No SuperTokens instances are running.", stop.out().trim());
  }

  @Test
  void aStartedFileOfADeadProcessIsCleanedUpNotStopped() throws Exception {
    Process finished = new ProcessBuilder(javaBinary(), "-version").start();
    finished.waitFor();
    Path stale =
        new StartedFiles(dir.resolve(".started")).write("localhost", 1, finished.pid(), "");

    Cli.Result stop = cli.run("stop");

    assertEquals("No SuperTokens instances are running.", stop.out().trim());
    assertFalse(Files.exists(stale));
  }

  @Test
  void helpAndVersionPrintTheOriginalsLayout() throws IOException {
    Cli.Result help = cli.run("--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("  Usage: supertokens [command] [--help] [--version]"));
    assertTrue(
        help.out().contains("->  start [options]                     Start an instance of"),
        help.out());
    assertTrue(help.out().contains("    Default config file                 " + dir.toRealPath()));
    assertEquals(help.out(), cli.run().out(), "no command means --help");

    Cli.Result startHelp = cli.run("start", "--help");
    assertEquals(0, startHelp.exitCode());
    assertTrue(startHelp.out().contains("  Usage: supertokens start [--with-space="));
    assertTrue(startHelp.out().contains("    --with-config"));
    assertFalse(Files.exists(dir.resolve(".started")), "--help must not start anything");

    Cli.Result version = cli.run("--version");
    assertEquals(0, version.exitCode());
    assertTrue(
        version.out().contains("Java version: OpenJDK " + System.getProperty("java.version")));
    assertTrue(
        version.out().contains("Installation directory: " + dir.toRealPath()), version.out());
  }

  @Test
  void withoutAConfigFileHelpAndListNameNone() throws IOException {
    Files.delete(dir.resolve("config.yaml"));

    String help = cli.run("--help").out();
    assertTrue(
        help.replaceAll("\\s+", " ")
            .contains(
                "Default config file none (the defaults apply); looked for "
                    + dir.toRealPath().resolve("config.yaml")
                    + " Legal license Apache License 2.0"),
        help);

    assertEquals(0, cli.run("start", "--port=" + Cli.freePort()).exitCode());
    String list = cli.run("list").out().trim();
    assertTrue(list.endsWith(", config file loaded: none (the defaults apply)"), list);
  }

  @Test
  void anUnknownCommandFails() {
    Cli.Result result = cli.run("launch");

    assertEquals(1, result.exitCode());
    assertEquals(
        "Unknown command 'launch'. Please use \"supertokens --help\" to see the list of available"
            + " commands",
        result.err().trim());
  }

  @Test
  void aBadConfigValueCrashesWithItsReason() throws IOException {
    Files.writeString(dir.resolve("config.yaml"), "access_token_validity: 0\n");
    String reason =
        "What caused the crash: 'access_token_validity' must be between 1 and 86400000 seconds"
            + " inclusive.";

    Cli.Result foreground = cli.run("start", "--foreground", "--port=" + Cli.freePort());
    assertEquals(1, foreground.exitCode());
    assertEquals(reason, foreground.err().trim());

    Cli.Result daemon = cli.run("start", "--port=" + Cli.freePort());
    assertEquals(1, daemon.exitCode());
    assertTrue(daemon.err().contains(reason), daemon.err());
    assertTrue(daemon.err().contains("Unable to start SuperTokens. Please try again"));
  }

  @Test
  void sigtermStopsAForegroundServerCleanly() {
    int port = Cli.freePort();
    Cli.Running server = cli.spawn("start", "--foreground", "--port=" + port);
    String line = server.awaitLine("Started SuperTokens on");
    Matcher started = STARTED.matcher(line);
    assertTrue(started.matches(), line);
    assertEquals(server.process.pid(), Long.parseLong(started.group(2)), "in process, no child");
    Path startedFile = dir.resolve(".started").resolve("localhost-" + port);
    assertTrue(Files.exists(startedFile));

    // SIGTERM; Process.destroy() would also close the pipe we read the last lines from
    server.process.toHandle().destroy();
    server.awaitExit();

    assertFalse(Files.exists(startedFile));
    String output = server.output();
    assertTrue(output.contains("Stopping SuperTokens..."), output);
    assertTrue(output.trim().endsWith("Goodbye"), output);
  }

  @Test
  void aForegroundServerWithoutLogPathsLogsToTheConsole() {
    Cli.Running server = cli.spawn("start", "--foreground", "--port=" + Cli.freePort());
    server.awaitLine("Started SuperTokens on");

    server.process.toHandle().destroy();
    server.awaitExit();

    assertTrue(server.output().contains("Completed config.yaml loading."), server.output());
    assertFalse(Files.exists(dir.resolve("logs")), "no log files");
  }

  @Test
  void aBackgroundServerLogsToTheInstallationsLogsEvenWhenTheyAreSetToNull() throws IOException {
    Files.writeString(
        dir.resolve("config.yaml"), "info_log_path: \"null\"\nerror_log_path: \"null\"\n");
    int port = Cli.freePort();

    Cli.Result start = cli.run("start", "--port=" + port);
    assertEquals(0, start.exitCode(), start.err());
    assertEquals(0, cli.run("stop").exitCode());

    // Nobody reads its stdout once the start command has returned.
    String infoLog = Files.readString(dir.resolve("logs").resolve("info.log"));
    assertTrue(infoLog.contains("Completed config.yaml loading."), infoLog);
    assertTrue(infoLog.contains("Started SuperTokens on localhost:" + port), infoLog);
    assertTrue(Files.exists(dir.resolve("logs").resolve("error.log")));
  }

  @Test
  void logSettingsDecideWhereLinesGo() throws IOException {
    Path infoLog = dir.resolve("var").resolve("info.log");
    Files.writeString(
        dir.resolve("config.yaml"),
        "log_level: WARN\ninfo_log_path: " + infoLog + "\nerror_log_path: null\n");
    int port = Cli.freePort();
    Cli.Running server = cli.spawn("start", "--foreground", "--port=" + port);
    Path startedFile = dir.resolve(".started").resolve("localhost-" + port);
    server.await(() -> Files.exists(startedFile) ? startedFile : null, "started file");
    assertEquals("Hello", Cli.get("http://localhost:" + port + "/hello").body().trim());

    server.process.toHandle().destroy();
    server.awaitExit();

    // WARN hides INFO lines, the Started line among them, as in the original.
    assertFalse(server.output().contains("Started SuperTokens"), server.output());
    assertTrue(Files.exists(infoLog), "the info log's directory is created");
    assertEquals("", Files.readString(infoLog));
  }

  @Test
  void aBackgroundStartOnAPortInUseSaysWhy() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
      Cli.Result start = cli.run("start", "--port=" + taken.getLocalPort());

      assertEquals(1, start.exitCode());
      assertTrue(
          start.err().startsWith("What caused the crash: Error while starting webserver."),
          start.out() + start.err());
      assertTrue(start.err().trim().endsWith("Unable to start SuperTokens. Please try again"));
    }
  }

  @Test
  void aBackgroundStartWaitingForItsDatabaseSaysWhy() throws IOException {
    Files.writeString(
        dir.resolve("config.yaml"),
        "postgresql_connection_uri: \"postgresql://postgres@127.0.0.1:"
            + Cli.freePort()
            + "/nothing\"\n");

    Cli.Running start = cli.spawn("start", "--port=" + Cli.freePort());

    // Its warning is in logs/error.log too; the terminal must not stay blank meanwhile.
    start.awaitLine("Error connecting to PostgreSQL instance.");
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
