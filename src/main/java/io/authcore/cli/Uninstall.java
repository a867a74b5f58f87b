package io.authcore.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code supertokens uninstall}: removes what the install script put in the installation directory
 * and the launcher it wrote. Only a directory the script set up (it leaves a marker naming the
 * launcher) is touched, and only the script's files in it: a jar copied into a home directory or a
 * clone's {@code target/} must never take its neighbours with it.
 */
final class Uninstall implements Command {
  private static final List<String> INSTALLED =
      List.of(
          Installation.JAR_NAME,
          Installation.CDS_ARCHIVE,
          "config.yaml",
          "LICENSE",
          "LICENSE.md",
          "logs",
          ".started");

  private final Installation installation;

  Uninstall(Installation installation) {
    this.installation = installation;
  }

  @Override
  public String listing() {
    return "uninstall";
  }

  @Override
  public String usage() {
    return "supertokens uninstall";
  }

  @Override
  public String description() {
    return "Uninstalls SuperTokens";
  }

  @Override
  public int run(Options options) {
    try {
      if (!RunningInstances.in(installation.startedFiles(Optional.empty())).isEmpty()) {
        Console.err(
            "More than one SuperTokens instance is still running. Please run \"supertokens stop\""
                + " and then run the uninstall command again.");
        return 1;
      }
      Path marker = installation.dir().resolve(Installation.MARKER);
      if (!Files.isRegularFile(marker)) {
        Console.err(
            "Failed to uninstall SuperTokens: "
                + installation.dir()
                + " was not set up by the install script, so nothing was removed");
        return 1;
      }
      if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
        return 0; // a running jar cannot be deleted there: the .bat launcher removes all after us
      }
      String launcher = Files.readString(marker, StandardCharsets.UTF_8).trim();
      for (String name : INSTALLED) {
        deleteRecursively(installation.dir().resolve(name));
      }
      if (!launcher.isEmpty()) {
        Files.deleteIfExists(Path.of(launcher));
      }
      Files.delete(marker);
      try {
        Files.deleteIfExists(installation.dir());
      } catch (DirectoryNotEmptyException e) {
        // the user's own files stay, and so does the directory holding them
      }
    } catch (IOException | SecurityException e) {
      Console.err("Failed to uninstall SuperTokens. Try again with root permissions");
      return 1;
    }
    Console.out("Uninstallation successful. Sorry to see you go :(");
    return 0;
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> walk = Files.walk(path)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    } else {
      Files.delete(path);
    }
  }
}
