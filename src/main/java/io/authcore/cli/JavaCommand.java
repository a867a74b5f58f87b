package io.authcore.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the JVM that serves: this JVM's java and jar (or classpath), the memory
 * flags, then {@code start --foreground} and the start options.
 */
final class JavaCommand {
  /**
   * Flags that keep an idle core small: the serial collector (no GC threads, least overhead for a
   * heap this size), a small initial heap, and a heap that gives memory back after a burst. The
   * young generation, whose pages all get touched, is fixed at 16 MB: under load a verify leaves
   * about 25 KB of garbage, and the 5 MB young generation a 16 MB heap would have meant 150 pauses
   * a second (16 MB: a third of those; verify +10 %, /hello +10 %, idle memory +12 MB, measured
   * with bench/run). After a full collection the heap keeps a quarter of itself free (at most
   * half): with a tenth, a growing data set (the in-memory database under session create) paid a
   * full collection every two seconds, 2.3 % of the time stopped; now 1 % (idle memory unchanged).
   * {@code --with-space} replaces the maximum; JAVA_OPTS can override any of them.
   */
  static final List<String> MEMORY_FLAGS =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms24m",
          "-Xmn16m",
          "-XX:MinHeapFreeRatio=25",
          "-XX:MaxHeapFreeRatio=50");

  static final String DEFAULT_MAX_HEAP = "-Xmx256m";

  /**
   * Lets the JVM apply thread priorities: its own VM thread (the collector, with the serial GC) and
   * JIT compiler threads then run at nice -4, and threads at {@code Thread.MIN_PRIORITY} at nice 10
   * (the password-hashing pool, which crypto/password/HashingPriority then puts under SCHED_IDLE
   * where it can). In a full bench/run without them, create and verify came out at 0.69 and 0.46 of
   * their ceilings, against 0.79 and 0.49 in the next run with them; likely the JIT, at nice 0
   * among busy workers, warms up more slowly. Only for root: for anyone else the JVM prints a
   * warning at every start.
   */
  static final List<String> PRIORITY_FLAGS =
      List.of("-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=10");

  /** Tells the child that no terminal will read its stdout once it has started. */
  static final String DAEMON_PROPERTY = "authcore.daemon";

  /** JVM options for the server, read as the installed launcher reads them. */
  static final String JAVA_OPTS = "JAVA_OPTS";

  private JavaCommand() {}

  /**
   * The child's process, its JAVA_OPTS already on its command line: taken out of its environment so
   * that it never starts a JVM of its own for them.
   */
  static ProcessBuilder builder(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove(JAVA_OPTS);
    return builder;
  }

  static List<String> of(Installation installation, StartSettings settings, boolean daemon) {
    return of(installation, settings, daemon, System.getenv(JAVA_OPTS));
  }

  static List<String> of(
      Installation installation, StartSettings settings, boolean daemon, String javaOpts) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(MEMORY_FLAGS);
    if (runsAsRoot()) {
      command.addAll(PRIORITY_FLAGS);
    }
    if (settings.spaceMb().isEmpty()) {
      command.add(DEFAULT_MAX_HEAP);
    }
    // The launcher gave this JVM the same defaults and JAVA_OPTS; list each flag once. Started by
    // `java -jar` there is no launcher: JAVA_OPTS go last among the defaults, as it puts them.
    inheritedJvmArguments().stream().filter(a -> !command.contains(a)).forEach(command::add);
    javaOpts(javaOpts).stream().filter(a -> !command.contains(a)).forEach(command::add);
    settings.spaceMb().ifPresent(mb -> command.add("-Xmx" + mb + "M"));
    if (settings.jmx()) {
      command.add("-Dcom.sun.management.jmxremote");
      command.add("-Dcom.sun.management.jmxremote.port=" + settings.jmxPort().orElse("9010"));
      command.add(
          "-Dcom.sun.management.jmxremote.authenticate="
              + settings.jmxAuthenticate().orElse("false"));
      command.add("-Dcom.sun.management.jmxremote.ssl=" + settings.jmxSsl().orElse("false"));
    }
    if (settings.javaAgent()) {
      command.add("-javaagent:" + agent(installation));
    }
    if (daemon) {
      command.add("-D" + DAEMON_PROPERTY + "=true");
    }
    if (installation.jar().isPresent()) {
      command.add("-jar");
      command.add(installation.jar().get().toString());
    } else {
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(Main.class.getName());
    }
    command.addAll(settings.childArguments());
    return command;
  }

  /** Split on blanks, as the launcher's unquoted {@code $JAVA_OPTS} is. */
  static List<String> javaOpts(String javaOpts) {
    return javaOpts == null || javaOpts.isBlank()
        ? List.of()
        : List.of(javaOpts.trim().split("\\s+"));
  }

  /**
   * Whether JAVA_OPTS holds options this JVM was not started with ({@code java -jar} from a clone
   * reads no JAVA_OPTS), so that a foreground server needs a JVM of its own to honour them.
   */
  static boolean javaOptsMissing() {
    List<String> wanted = javaOpts(System.getenv(JAVA_OPTS));
    if (wanted.isEmpty()) {
      return false; // and the JVM's management beans stay unloaded: start-up time (issue 23)
    }
    List<String> applied = ManagementFactory.getRuntimeMXBean().getInputArguments();
    return !applied.containsAll(wanted);
  }

  /** The OpenTelemetry agent, where the original's installation keeps it. */
  static Path agent(Installation installation) {
    return installation.dir().resolve("agent").resolve("opentelemetry-javaagent.jar");
  }

  static boolean agentInstalled(Installation installation) {
    return Files.isRegularFile(agent(installation));
  }

  private static boolean runsAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false; // not Linux
    }
  }

  /**
   * What JAVA_OPTS gave this JVM (system properties, proxies, ...) applies to the server too; a
   * debugger agent does not, as its port is taken by this JVM.
   */
  private static List<String> inheritedJvmArguments() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> !a.startsWith("-agentlib:jdwp") && !a.startsWith("-Xrunjdwp"))
        .filter(a -> !a.equals("-Xdebug") && !a.startsWith("-D" + DAEMON_PROPERTY + "="))
        .toList();
  }
}
