package io.authcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTextTest {
  @TempDir Path dir;

  @Test
  void columnsWrapUnderTheSecondColumnAtEighty() {
    String text =
        Help.columns(
            "->  stop [options]",
            "Stops all (if no options are provided) or one specific instance of SuperTokens");

    List<String> lines = text.lines().toList();
    assertEquals(
        "->  stop [options]                      Stops all (if no options are provided)",
        lines.get(0));
    assertEquals(" ".repeat(40) + "or one specific instance of SuperTokens", lines.get(1));
    assertTrue(lines.stream().allMatch(l -> l.length() <= 80));
  }

  @Test
  void optionsAreKeyEqualsValueAndBareFlags() {
    Options options =
        new Options(List.of("--port=8080", "--with-config=/a=b.yaml", "--foreground", "test_mode"));

    assertEquals(Optional.of("8080"), options.value("--port"));
    assertEquals(Optional.of("/a=b.yaml"), options.value("--with-config"));
    assertTrue(options.has("--foreground"));
    assertFalse(options.has("--fore"));
    assertTrue(options.testMode());
    assertEquals(Optional.empty(), new Options(List.of("--port=")).nonEmpty("--port"));
  }

  @Test
  void javaOptsComeAfterTheDefaultsAndBeforeWithSpace() {
    Installation installation = new Installation(dir, Optional.empty());
    StartSettings settings = StartSettings.from(new Options(List.of("--with-space=300")));

    List<String> command =
        JavaCommand.of(installation, settings, true, " -Xmx1g  -Dproxy.host=example.com ");

    int xmx = command.indexOf("-Xmx1g");
    assertTrue(command.indexOf("-XX:MaxHeapFreeRatio=50") < xmx, command.toString());
    assertEquals(xmx + 1, command.indexOf("-Dproxy.host=example.com"), command.toString());
    assertTrue(command.indexOf("-Xmx300M") > xmx, "--with-space is the last word on the heap");
    assertTrue(command.indexOf(Main.class.getName()) > xmx, command.toString());
    assertEquals(List.of(), JavaCommand.javaOpts("  "));
  }

  @Test
  void startedFileNamesKeepDashesInTheHost() throws Exception {
    StartedFiles files = new StartedFiles(dir.resolve(".started"));
    files.write("my-host", 3567, 42, "/auth");

    StartedFiles.Instance instance = files.read().get(0);

    assertEquals("my-host", instance.host());
    assertEquals(3567, instance.port());
    assertEquals(42, instance.pid());
    assertEquals("/auth", instance.basePath());
    assertEquals("42\n/auth", Files.readString(dir.resolve(".started").resolve("my-host-3567")));
  }

  @Test
  void wildcardHostsAreReachedOnLoopback() {
    assertEquals("127.0.0.1", ListInstances.connectable("0.0.0.0"));
    assertEquals("[::1]", ListInstances.connectable("::"));
    assertEquals("[fe80::1]", ListInstances.connectable("fe80::1"));
    assertEquals("example.com", ListInstances.connectable("example.com"));
  }

  @Test
  void aBindFailureGetsTheOriginalsExplanation() {
    RuntimeException wrapped = new RuntimeException(new java.net.BindException("in use"));

    assertTrue(Server.describe(wrapped).startsWith("Error while starting webserver."));
    assertEquals("boom", Server.describe(new IllegalStateException("boom")));
  }
}
