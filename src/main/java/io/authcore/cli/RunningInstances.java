package io.authcore.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The instances whose {@code .started} file names a live process. A file left by a process that
 * died without cleaning up (kill -9, a power cut) is removed here rather than reported, so {@code
 * stop}, {@code list} and {@code uninstall} are not stuck on it.
 */
final class RunningInstances {
  private RunningInstances() {}

  static List<StartedFiles.Instance> in(StartedFiles files) throws IOException {
    List<StartedFiles.Instance> alive = new ArrayList<>();
    for (StartedFiles.Instance instance : files.read()) {
      if (instance.alive() && looksLikeAuthcore(instance)) {
        alive.add(instance);
      } else {
        StartedFiles.delete(instance.file());
      }
    }
    return alive;
  }

  /**
   * Every server runs as {@code java ... start --foreground ...}; a live pid that is something else
   * was reused by an unrelated process, which must not be killed. Linux shows the whole command
   * line in /proc (Java's view of it is cut at 4 KB, shorter than a test classpath); elsewhere the
   * executable has to do.
   */
  static boolean looksLikeAuthcore(StartedFiles.Instance instance) {
    Path cmdline = Path.of("/proc", Long.toString(instance.pid()), "cmdline");
    if (Files.isReadable(cmdline)) {
      try {
        List<String> args = List.of(Files.readString(cmdline, StandardCharsets.UTF_8).split("\0"));
        return args.contains("start") && args.contains("--foreground");
      } catch (IOException e) {
        // gone meanwhile, or not ours to read: judge by the executable
      }
    }
    return ProcessHandle.of(instance.pid())
        .flatMap(h -> h.info().command())
        .map(command -> Path.of(command).getFileName().toString().startsWith("java"))
        .orElse(true);
  }
}
