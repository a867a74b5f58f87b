package io.authcore.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The options of {@code supertokens start}, parsed once and passed on to a child JVM as needed. */
record StartSettings(
    Optional<String> host,
    Optional<String> port,
    Optional<Path> configFile,
    Optional<String> tempDir,
    Optional<Integer> spaceMb,
    boolean foreground,
    boolean noInMemDb,
    boolean javaAgent,
    boolean jmx,
    Optional<String> jmxPort,
    Optional<String> jmxAuthenticate,
    Optional<String> jmxSsl,
    boolean testMode) {

  static StartSettings from(Options options) {
    Optional<Integer> space =
        options
            .nonEmpty("--with-space")
            .map(
                text -> {
                  try {
                    int mb = Integer.parseInt(text.trim());
                    if (mb > 0) {
                      return mb;
                    }
                  } catch (NumberFormatException e) {
                    // reported below
                  }
                  throw new IllegalArgumentException(
                      "--with-space must be a whole number of MB, such as \"--with-space=200\"");
                });
    return new StartSettings(
        options.nonEmpty("--host"),
        options.nonEmpty("--port"),
        options
            .nonEmpty("--with-config")
            .or(() -> options.nonEmpty("--config"))
            .map(p -> Path.of(p).toAbsolutePath().normalize()),
        options.nonEmpty("--with-temp-dir").map(p -> Path.of(p).toAbsolutePath().toString()),
        space,
        options.has("--foreground"),
        options.has("--no-in-mem-db"),
        options.has("--javaagent"),
        options.has("--jmx"),
        options.nonEmpty("--jmx-port"),
        options.nonEmpty("--jmx-authenticate"),
        options.nonEmpty("--jmx-ssl"),
        options.testMode());
  }

  /** Options that only a new JVM can honour, so a foreground start with them runs a child. */
  boolean needsOwnJvm() {
    return spaceMb.isPresent() || javaAgent || jmx;
  }

  /** The arguments that make a child JVM run this same start in the foreground, in process. */
  List<String> childArguments() {
    List<String> args = new ArrayList<>(List.of("start", "--foreground"));
    host.ifPresent(h -> args.add("--host=" + h));
    port.ifPresent(p -> args.add("--port=" + p));
    configFile.ifPresent(c -> args.add("--with-config=" + c));
    tempDir.ifPresent(t -> args.add("--with-temp-dir=" + t));
    if (noInMemDb) {
      args.add("--no-in-mem-db");
    }
    if (testMode) {
      args.add("test_mode");
    }
    return args;
  }
}
