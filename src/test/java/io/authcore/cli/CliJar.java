package io.authcore.cli;

import java.nio.file.Path;

/** For tests outside this package: a runnable jar of the compiled classes (see {@link Cli}). */
public final class CliJar {
  private CliJar() {}

  public static Path write(Path jar) {
    return Cli.writeJar(jar);
  }
}
