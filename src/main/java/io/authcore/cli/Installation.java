package io.authcore.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;

/**
 * Where this Authcore lives: the directory that holds its jar ({@code /usr/lib/supertokens/} once
 * installed, {@code target/} in a clone). Run from compiled classes (an IDE, the tests) there is no
 * jar, and the working directory stands in for it.
 */
final class Installation {
  static final String JAR_NAME = "authcore.jar";

  /** The class-data sharing archive the install script makes beside the jar (CdsTraining). */
  static final String CDS_ARCHIVE = "authcore.jsa";

  /** Written by the install scripts: marks a directory that {@code uninstall} may empty. */
  static final String MARKER = ".supertokens-install";

  private final Path dir;
  private final Optional<Path> jar;

  Installation(Path dir, Optional<Path> jar) {
    this.dir = dir.toAbsolutePath().normalize();
    this.jar = jar;
  }

  static Installation locate() {
    Optional<Path> jar = runningJar();
    return jar.map(j -> new Installation(j.getParent(), jar))
        .orElseGet(() -> new Installation(Path.of(""), Optional.empty()));
  }

  private static Optional<Path> runningJar() {
    try {
      CodeSource source = Main.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path path = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
      return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }

  Path dir() {
    return dir;
  }

  /** The jar this process runs from, if it runs from one. */
  Optional<Path> jar() {
    return jar;
  }

  /**
   * The config file to load when none is named: the installation's, else one in the working
   * directory (a clone's root), else none and the defaults apply.
   */
  Optional<Path> defaultConfigFile() {
    return configCandidates().stream().filter(Files::isRegularFile).findFirst();
  }

  /** Where {@link #defaultConfigFile} looks, in order. */
  List<Path> configCandidates() {
    return searched().stream().map(base -> base.resolve("config.yaml")).toList();
  }

  /** Next to the jar, then the working directory. */
  private List<Path> searched() {
    return List.of(dir, Path.of("").toAbsolutePath()).stream().distinct().toList();
  }

  /** Where running instances announce themselves: {@code <installDir or tempDir>/.started/}. */
  StartedFiles startedFiles(Optional<String> tempDir) {
    Path base = tempDir.map(t -> Path.of(t).toAbsolutePath().normalize()).orElse(dir);
    return new StartedFiles(base.resolve(".started"));
  }

  Path logsDir() {
    return dir.resolve("logs");
  }

  /**
   * The licence file, looked for where the config file is: next to the jar (an installation has
   * one), else in the working directory (a clone's root; its {@code target/} has none).
   */
  Optional<Path> license() {
    for (Path base : searched()) {
      for (String name : List.of("LICENSE.md", "LICENSE")) {
        Path file = base.resolve(name);
        if (Files.isRegularFile(file)) {
          return Optional.of(file);
        }
      }
    }
    return Optional.empty();
  }

  /** The directory as the original prints it: absolute, with a trailing separator. */
  String display() {
    String text = dir.toString();
    return text.endsWith(java.io.File.separator) ? text : text + java.io.File.separator;
  }
}
