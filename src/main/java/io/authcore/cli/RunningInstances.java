package io.authcore.cli;

import java.io.IOException;
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
   * Every server runs as {@code ... start --foreground ...}; a live pid whose command line (when
   * the OS shows it) says otherwise was reused by an unrelated process, which must not be killed.
   */
  static boolean looksLikeAuthcore(StartedFiles.Instance instance) {
    return ProcessHandle.of(instance.pid())
        .flatMap(h -> h.info().commandLine())
        .map(line -> line.contains("start") && line.contains("--foreground"))
        .orElse(true);
  }
}
