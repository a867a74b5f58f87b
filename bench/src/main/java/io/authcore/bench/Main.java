package io.authcore.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code bench/run [options]}: the benchmark (see bench/README.md). The other commands are what the
 * run starts in JVMs of their own ({@code undertow}, {@code ceiling}) and a JFR summary ({@code
 * hot}).
 */
public final class Main {
  private Main() {}

  /** GET one path with this harness's client, to compare the client with another (wrk). */
  private static void load(Options o) {
    int port = o.integer("port", 3567);
    String host = "127.0.0.1:" + port;
    java.util.List<Conversation> c = new java.util.ArrayList<>();
    for (int i = 0; i < o.integer("conns", 64); i++) {
      c.add(new Conversations.Repeat(Request.get("hello", host, o.string("path", "/hello"))));
    }
    LoadResult r =
        LoadClient.run(
            new java.net.InetSocketAddress("127.0.0.1", port),
            c,
            o.integer("client-threads", Machine.cores()),
            o.decimal("warmup", 5),
            o.decimal("measure", 10),
            5,
            o.integer("pid", -1),
            Machine.NO_TICKS);
    LoadResult.Figures f = r.figures();
    System.out.printf(
        java.util.Locale.ROOT,
        "%.0f req/s, p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, errors %d, client CPU %.0f%%%n",
        f.rps(),
        f.p50Ms(),
        f.p90Ms(),
        f.p99Ms(),
        f.errors(),
        r.clientCpuPercent);
  }

  /** The options, once each is one the command knows (a typo stops the run before it starts). */
  private static Options known(Options options, List<String> known) {
    List<String> unknown = options.unknown(known);
    if (!unknown.isEmpty()) {
      System.err.println("unknown option(s) " + unknown + "; see bench/README.md");
      System.exit(2);
    }
    return options;
  }

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 || args[0].startsWith("--") ? "run" : args[0];
    Options options =
        new Options(
            args, command.equals("run") && (args.length == 0 || args[0].startsWith("--")) ? 0 : 1);
    switch (command) {
      case "run" -> System.exit(new Bench(known(options, Bench.OPTIONS)).run());
      case "undertow" -> BareUndertow.main(options);
      case "ceiling" -> CeilingProbe.main(options.words().get(0), options);
      case "load" -> load(options);
      case "startup" -> System.exit(new Startup(known(options, Startup.OPTIONS)).run());
      case "side-by-side" -> System.exit(new SideBySide(known(options, SideBySide.OPTIONS)).run());
      case "metrics-ab" -> System.exit(new MetricsAb(known(options, MetricsAb.OPTIONS)).run());
      case "ops" -> System.exit(new Ops(known(options, Ops.OPTIONS)).run());
      case "idle-client" -> IdleSockets.client(options);
      case "hot" -> JfrHot.main(Path.of(options.words().get(0)), options.integer("top", 25));
      default -> {
        System.err.println(
            "usage: bench/run [run] [--option=value ...] | startup [--runs=N ...]"
                + " | side-by-side [--rounds=N ...] | metrics-ab [--rounds=N ...]"
                + " | ops [--scenarios=outage,idle-sockets,peak-memory] | hot <file.jfr>"
                + " [--top=N]");
        System.exit(2);
      }
    }
  }
}
