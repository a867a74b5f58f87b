package io.authcore.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A PostgreSQL outage while the server runs (README, Storage): the server on a cluster of this
 * run's own; each run stops PostgreSQL (fast), polls {@code /hello} through the outage (it must
 * answer 500, at once), starts PostgreSQL again and measures from the moment it accepts connections
 * again (a JDBC connect every 5 ms) to the server's first 200 on {@code /hello} (polled every 5
 * ms), without a restart.
 */
final class Outage {
  /** One outage: when PostgreSQL accepted again and when /hello answered 200, in ms. */
  record Run(
      int index,
      double stopMs,
      int outageProbes,
      Map<Integer, Integer> outageStatuses,
      double outageProbeMedianMs,
      double outageProbeMaxMs,
      double pgStartMs,
      double recoveryMs,
      Map<Integer, Integer> afterStatuses,
      String load) {}

  record Data(
      String pgBinaries,
      int outageMs,
      List<Run> runs,
      Spread recoveryMs,
      Spread outageProbeMaxMs,
      String serverLog) {}

  /** How long /hello is polled after its first 200. */
  static final int AFTER_MS = 5000;

  private final Ops ops;

  Outage(Ops ops) {
    this.ops = ops;
  }

  Ops.Section run() throws IOException {
    int runs = ops.o.integer("runs", 5);
    int outageMs = ops.o.integer("outage-ms", 8000);
    List<Run> done = new ArrayList<>();
    try (OwnPostgres pg =
        OwnPostgres.create(OwnPostgres.binaries(ops.o.string("pg-bin", "")), ops)) {
      pg.start(true);
      try (AuthcoreServer server =
          AuthcoreServer.start(
              ops.jar,
              ops.flags,
              List.of(),
              Ops.cleanEnvironment(pg.connectionUri()),
              ops.raw.resolve("outage"),
              "outage-server")) {
        if (!Ops.awaitHello(server.port, 60_000)) {
          throw new IOException("/hello never answered 200; " + server.child.tail());
        }
        for (int i = 0; i < runs; i++) {
          // A quiet second first: /hello answered 200 throughout.
          Child.sleep(1000);
          pg.accepts(); // the JDBC driver's classes loaded before they are timed
          if (!Ops.awaitHello(server.port, 60_000)) {
            throw new IOException("/hello not 200 before outage " + i);
          }
          done.add(outage(i, pg, server.port, outageMs));
          Run r = done.get(done.size() - 1);
          ops.line(
              String.format(
                  Locale.ROOT,
                  "  outage %d: stop %.0f ms; /hello during it %s, median %.1f ms, max %.1f ms;"
                      + " PostgreSQL accepted %.0f ms after its start; first 200 %.0f ms later,"
                      + " then %s (load %s)",
                  i,
                  r.stopMs(),
                  r.outageStatuses(),
                  r.outageProbeMedianMs(),
                  r.outageProbeMaxMs(),
                  r.pgStartMs(),
                  r.recoveryMs(),
                  r.afterStatuses(),
                  r.load()));
        }
      }
    }
    Data data =
        new Data(
            OwnPostgres.binaries(ops.o.string("pg-bin", "")).toString(),
            outageMs,
            done,
            Spread.of(done.stream().map(Run::recoveryMs).toList()),
            Spread.of(done.stream().map(Run::outageProbeMaxMs).toList()),
            "raw/" + ops.raw.getFileName() + "/outage/outage-server.log");
    return new Ops.Section("outage", setup(runs, outageMs), table(data), data);
  }

  private Run outage(int index, OwnPostgres pg, int port, int outageMs) throws IOException {
    // A machine at least 80 % idle (waiting 30 s at most), as the recovery is a few hundred ms of
    // CPU work; the load is recorded either way.
    Machine.awaitQuiet(0.8, 30, ops);
    String load = Machine.loadAverage();
    long t0 = System.nanoTime();
    pg.stopFast();
    double stopMs = (System.nanoTime() - t0) / 1e6;
    // Through the outage: every /hello must be a 500, and at once.
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<Double> probeMs = new ArrayList<>();
    // A random extra of up to half a second: the server looks for the database every 250 ms from
    // when it saw the outage, and an outage of fixed length would start PostgreSQL at the same
    // point of that cycle each time (runs on a quiet machine then agreed within 70 ms).
    long jitterMs = java.util.concurrent.ThreadLocalRandom.current().nextLong(500);
    long outageEnd = System.nanoTime() + (outageMs + jitterMs) * 1_000_000L;
    while (System.nanoTime() < outageEnd) {
      Probe.Answer a = Probe.hello(port, 10_000);
      statuses.merge(a.status(), 1, Integer::sum);
      probeMs.add(a.ms());
      Child.sleep(20);
    }
    // Back: one thread waits for PostgreSQL to accept, this one for /hello's first 200.
    AtomicLong accepted = new AtomicLong();
    Thread watcher =
        new Thread(
            () -> {
              // The start of the first attempt that succeeds: PostgreSQL was accepting by then at
              // the latest (the attempts before it failed at once, refused or "starting up").
              while (true) {
                long attempt = System.nanoTime();
                if (pg.accepts()) {
                  accepted.set(attempt);
                  return;
                }
                Child.sleep(5);
              }
            },
            "pg-watch");
    long started = System.nanoTime();
    pg.start(false);
    watcher.start();
    long answered = 0;
    long deadline = started + 120_000_000_000L;
    while (answered == 0 && System.nanoTime() < deadline) {
      Probe.Answer a = Probe.hello(port, 10_000);
      if (a.status() == 200) {
        answered = System.nanoTime();
      } else {
        Child.sleep(5);
      }
    }
    // After the first 200: does it stay 200? (A request that waited in the old pool through the
    // outage may fail after the recovery.)
    Map<Integer, Integer> after = new TreeMap<>();
    long afterEnd = System.nanoTime() + AFTER_MS * 1_000_000L;
    while (answered != 0 && System.nanoTime() < afterEnd) {
      after.merge(Probe.hello(port, 10_000).status(), 1, Integer::sum);
      Child.sleep(20);
    }
    try {
      watcher.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (answered == 0 || accepted.get() == 0) {
      throw new IOException("no recovery within 2 minutes of starting PostgreSQL");
    }
    Spread probes = Spread.of(probeMs);
    return new Run(
        index,
        stopMs,
        probeMs.size(),
        statuses,
        probes.median(),
        probes.max(),
        (accepted.get() - started) / 1e6,
        (answered - accepted.get()) / 1e6,
        after,
        load);
  }

  private static String setup(int runs, int outageMs) {
    return "PostgreSQL: a cluster of this run's own (initdb in a temporary directory, on a free port;"
        + " the machine's shared cluster is not touched). The server on it with the default"
        + " settings. "
        + runs
        + " outages, each after waiting (30 s at most) for the machine to be 80 % idle: `pg_ctl stop -m fast`; `/hello` polled every 20 ms for "
        + outageMs
        + " ms and a random 0 to 500 ms more (so that PostgreSQL comes back at any point of the"
        + " server's 250 ms cycle of looking for it; each probe a new connection); `pg_ctl start`; recovery: from the moment PostgreSQL"
        + " accepts a new JDBC connection (tried every 5 ms; the start of the first attempt that"
        + " succeeds) to the first `200` on `/hello`"
        + " (polled every 5 ms), the server not restarted. Min / median / max over the runs. Through the"
        + " outage, a `200` in its first 200 ms is the server reusing its last check's answer (a"
        + " probe within 200 ms of a real check does), and the first probe to find the database"
        + " gone may wait up to the pool's 5 s for a connection; the rest must be a `500` at"
        + " once. After the first `200`, `/hello` is polled every 20 ms for 5 s more: a `500`"
        + " there is a relapse.";
  }

  private static List<List<String>> table(Data d) {
    List<List<String>> t = new ArrayList<>();
    t.add(
        List.of(
            "run",
            "/hello during the outage",
            "its time median / max ms",
            "PostgreSQL accepting after start ms",
            "recovery ms",
            "/hello in the 5 s after",
            "load"));
    for (Run r : d.runs()) {
      t.add(
          List.of(
              String.valueOf(r.index()),
              r.outageProbes() + " probes: " + statuses(r.outageStatuses()),
              String.format(
                  Locale.ROOT, "%.1f / %.1f", r.outageProbeMedianMs(), r.outageProbeMaxMs()),
              String.format(Locale.ROOT, "%.0f", r.pgStartMs()),
              String.format(Locale.ROOT, "%.0f", r.recoveryMs()),
              statuses(r.afterStatuses()),
              r.load()));
    }
    t.add(
        List.of(
            "min / median / max",
            "",
            "max: " + d.outageProbeMaxMs().text(),
            "",
            d.recoveryMs().text(),
            "",
            ""));
    return t;
  }

  static String statuses(Map<Integer, Integer> s) {
    List<String> parts = new ArrayList<>();
    s.forEach((code, n) -> parts.add(n + " × " + (code < 0 ? "no answer" : code)));
    return String.join(", ", parts);
  }
}
