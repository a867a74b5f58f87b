package io.authcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The POSIX install script, run for real into a scratch directory, with a jar made from the
 * compiled classes (the shaded jar is built only after the tests).
 */
class InstallScriptTest {
  private static final Path SCRIPT = Path.of("install").toAbsolutePath();

  @TempDir Path dir;

  @BeforeAll
  static void needsSh() {
    assumeTrue(new File("/bin/sh").canExecute(), "a POSIX shell");
  }

  @Test
  void scriptsParse() throws Exception {
    assertEquals(0, run(List.of("sh", "-n", SCRIPT.toString())).exitCode());
    assertEquals(
        0,
        run(List.of("sh", "-n", Path.of("docker-entrypoint.sh").toAbsolutePath().toString()))
            .exitCode());
  }

  @Test
  void installsRunsAndUninstalls() throws Exception {
    Path release = Files.createDirectories(dir.resolve("release"));
    Files.copy(SCRIPT, release.resolve("install"));
    Files.writeString(release.resolve("config.yaml"), "core_config_version: 0\n");
    Cli.writeJar(release.resolve("target").resolve("authcore.jar"));
    Path installDir = dir.resolve("lib").resolve("supertokens");
    Path launcher = dir.resolve("bin").resolve("supertokens");
    List<String> install =
        List.of(
            "sh",
            release.resolve("install").toString(),
            "--path=" + installDir,
            "--exeLoc=" + launcher);

    Cli.Result installed = run(install);
    assertEquals(0, installed.exitCode(), installed.out() + installed.err());
    assertTrue(
        installed
            .out()
            .contains(
                "Successfully installed SuperTokens! You can now delete this directory safely"));
    assertTrue(Files.isRegularFile(installDir.resolve("authcore.jar")));
    assertTrue(Files.isRegularFile(installDir.resolve("config.yaml")));
    assertTrue(Files.isDirectory(installDir.resolve(".started")));
    assertTrue(launcher.toFile().canExecute());
    // The training start made the class-data sharing archive, and the launcher maps it.
    assertTrue(Files.isRegularFile(installDir.resolve("authcore.jsa")), installed.out());
    assertTrue(Files.size(installDir.resolve("authcore.jsa")) > 1_000_000);
    assertTrue(Files.readString(launcher).contains("-XX:SharedArchiveFile="));
    assertFalse(Files.list(installDir.resolve(".started")).findAny().isPresent());

    Cli.Result version = run(List.of(launcher.toString(), "--version"));
    assertEquals(0, version.exitCode(), version.err());
    assertTrue(version.out().contains("Installation directory: " + installDir), version.out());

    assertTrue(run(install).out().contains("This version of SuperTokens is already installed!"));

    Cli.Result uninstalled = run(List.of(launcher.toString(), "uninstall"));
    assertEquals(0, uninstalled.exitCode(), uninstalled.err());
    assertEquals("Uninstallation successful. Sorry to see you go :(", uninstalled.out().trim());
    assertFalse(Files.exists(installDir));
    assertFalse(Files.exists(launcher));
  }

  private Cli.Result run(List<String> command) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
    return new Cli.Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
