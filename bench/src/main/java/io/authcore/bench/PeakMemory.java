package io.authcore.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The costliest sign-in's memory (README, Kubernetes): the server in memory, hashing with argon2 at
 * the import bound (256 MiB, 4 passes: memory × passes 1 GiB; 16 lanes), one sign-up and one
 * sign-in, each hashing once. The native code allocates the 256 MiB outside the Java heap.
 * Measured: the server's peak resident memory ({@code VmHWM} of /proc/pid/status) after start,
 * after the sign-up and after the sign-in. Variants: {@code launcher}, the launcher's flags as they
 * are (the heap grows as needed), and {@code full-heap}, the same with {@code -Xms256m
 * -XX:+AlwaysPreTouch}, which makes the whole 256 MB heap resident from the start: the worst case,
 * a server whose heap has grown to its maximum.
 */
final class PeakMemory {
  static final int MEMORY_KB = 256 << 10;
  static final int ITERATIONS = 4;

  record Variant(
      String name,
      List<String> extraFlags,
      int lanes,
      long startHwmKb,
      long signUpHwmKb,
      long signInHwmKb,
      long rssAfterKb,
      String signUp,
      String signIn,
      String load) {}

  record Data(int memoryKb, int iterations, List<Variant> variants) {}

  private final Ops ops;

  PeakMemory(Ops ops) {
    this.ops = ops;
  }

  Ops.Section run() throws IOException {
    int lanes = ops.o.integer("argon2-parallelism", 16);
    List<Variant> variants = new ArrayList<>();
    for (String v : ops.o.list("memory-variants", List.of("launcher", "full-heap"))) {
      List<String> extra =
          v.equals("full-heap") ? List.of("-Xms256m", "-XX:+AlwaysPreTouch") : List.of();
      variants.add(variant(v, extra, lanes));
    }
    Data data = new Data(MEMORY_KB, ITERATIONS, variants);
    return new Ops.Section("peak-memory", setup(lanes), table(data), data);
  }

  private Variant variant(String name, List<String> extra, int lanes) throws IOException {
    String load = Machine.loadAverage();
    try (AuthcoreServer server =
        AuthcoreServer.start(
            ops.jar,
            ops.flags,
            extra,
            Ops.cleanEnvironment(null),
            ops.raw.resolve("memory-" + name),
            "memory-" + name,
            "password_hashing_alg: ARGON2\nargon2_memory_kb: "
                + MEMORY_KB
                + "\nargon2_iterations: "
                + ITERATIONS
                + "\nargon2_parallelism: "
                + lanes
                + "\n",
            List.of())) {
      long pid = server.child.pid();
      if (!Ops.awaitHello(server.port, 60_000)) {
        throw new IOException("/hello never answered; " + server.child.tail());
      }
      Child.sleep(1000);
      long start = Proc.statusKb(pid, "VmHWM");
      String credentials = Conversations.credentials("peak-memory@bench.example");
      Probe.Answer up = Probe.post(server.port, Conversations.SIGNUP, credentials, 60_000);
      long afterUp = Proc.statusKb(pid, "VmHWM");
      Probe.Answer in = Probe.post(server.port, Conversations.SIGNIN, credentials, 60_000);
      long afterIn = Proc.statusKb(pid, "VmHWM");
      Variant v =
          new Variant(
              name,
              extra,
              lanes,
              start,
              afterUp,
              afterIn,
              Proc.statusKb(pid, "VmRSS"),
              outcome(up),
              outcome(in),
              load);
      ops.line(
          String.format(
              Locale.ROOT,
              "  %s: peak %s MiB after start, %s after sign-up (%s), %s after sign-in (%s)",
              name,
              mib(start),
              mib(afterUp),
              v.signUp(),
              mib(afterIn),
              v.signIn()));
      if (!ok(up) || !ok(in)) {
        throw new IOException("sign-up or sign-in failed: " + up + " / " + in);
      }
      return v;
    }
  }

  private static boolean ok(Probe.Answer a) {
    return a.status() == 200 && a.body().contains("\"status\":\"OK\"");
  }

  private static String outcome(Probe.Answer a) {
    return String.format(Locale.ROOT, "%s in %,.0f ms", ok(a) ? "OK" : a.status(), a.ms());
  }

  static String mib(long kb) {
    return String.format(Locale.ROOT, "%,.0f", kb / 1024.0);
  }

  private static String setup(int lanes) {
    return String.format(
        Locale.ROOT,
        "The server in memory with `password_hashing_alg: ARGON2`, `argon2_memory_kb: %d`,"
            + " `argon2_iterations: %d`, `argon2_parallelism: %d`: each hash costs what the import"
            + " bound allows at most (256 MiB, memory × passes 1 GiB, 16 lanes). One `POST"
            + " /public/recipe/signup`, then one `POST /public/recipe/signin` with the same"
            + " credentials, each hashing once. Peak resident memory: `VmHWM` of /proc/<pid>/status"
            + " after start (1 s after the first `200` on `/hello`), after the sign-up and after the"
            + " sign-in (MiB). `launcher`: the launcher's flags; `full-heap`: plus `-Xms256m"
            + " -XX:+AlwaysPreTouch`, the whole 256 MB heap resident from the start.",
        MEMORY_KB,
        ITERATIONS,
        lanes);
  }

  private static List<List<String>> table(Data d) {
    List<List<String>> t = new ArrayList<>();
    t.add(
        List.of(
            "variant",
            "peak MiB after start",
            "after sign-up",
            "after sign-in",
            "RSS at the end MiB",
            "sign-up",
            "sign-in",
            "load"));
    for (Variant v : d.variants()) {
      t.add(
          List.of(
              v.name(),
              mib(v.startHwmKb()),
              mib(v.signUpHwmKb()),
              mib(v.signInHwmKb()),
              mib(v.rssAfterKb()),
              v.signUp(),
              v.signIn(),
              v.load()));
    }
    return t;
  }
}
