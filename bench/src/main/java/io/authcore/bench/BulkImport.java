package io.authcore.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Issue 22's migration: {@code --bulk-users} (100,000) email-password users with bcrypt hashes
 * queued through {@code POST /bulk-import/users}, 10,000 a request (the most the original allows),
 * one request after the other, and imported by the server's background job, which starts on the
 * first batch. Phase "queue" is the requests (their latency, the users queued per second); phase
 * "import" runs from the first request until the queue holds no waiting user, and its rate is the
 * migration's: users imported per second, end to end. The server's, PostgreSQL's and this client's
 * CPU in each phase tell what bounds it. Given hashes are never computed again, so one hash (cost
 * 10) serves every user; at the end one user signs in with it.
 */
final class BulkImport {
  static final String USERS = "/bulk-import/users";
  static final String COUNT = "/bulk-import/users/count";
  static final int PER_REQUEST = 10_000;
  private static final long MAX_WAIT_MS = 20 * 60_000;

  private BulkImport() {}

  static Map<String, LoadResult> run(Scenarios.Context ctx) throws Exception {
    int total = ctx.options.integer("bulk-users", 100_000);
    String hash = BCrypt.hashpw(Conversations.PASSWORD, BCrypt.gensalt(10));
    CpuSampler cpu = new CpuSampler(ctx);
    LongList latencies = new LongList();
    long errors = 0;
    Map<String, Integer> reasons = new LinkedHashMap<>();

    long start = System.nanoTime();
    long[] atStart = cpu.sample();
    for (int from = 0; from < total; from += PER_REQUEST) {
      String body = batch(ctx.prefix, from, Math.min(total, from + PER_REQUEST), hash);
      long sent = System.nanoTime();
      Setup.Reply reply = ctx.setup.post(USERS, body);
      latencies.add(System.nanoTime() - sent);
      if (!reply.ok()) {
        errors++;
        reasons.merge("queue: " + reply.describe(), 1, Integer::sum);
      }
    }
    long queued = System.nanoTime();
    long[] atQueued = cpu.sample();
    long deadline = System.currentTimeMillis() + MAX_WAIT_MS;
    while (waiting(ctx.setup) > 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new IOException("the queue was not drained within " + MAX_WAIT_MS / 60_000 + " min");
      }
      Thread.sleep(250); // two counts a poll: often enough, and little of PostgreSQL's CPU
    }
    long done = System.nanoTime();
    long[] atDone = cpu.sample();

    long failed = count(ctx.setup, "?status=FAILED");
    if (failed > 0) {
      reasons.put("import: users FAILED", (int) failed);
    }
    Setup.Reply signIn =
        ctx.setup.post(
            Conversations.SIGNIN,
            Conversations.credentials(ctx.prefix + "-" + (total - 1) + "@bench.example"));
    if (!signIn.ok()) {
      reasons.put("sign-in of the last user: " + signIn.describe(), 1);
    }
    double queueSeconds = (queued - start) / 1e9;
    double importSeconds = (done - start) / 1e9;
    int requests = (total + PER_REQUEST - 1) / PER_REQUEST;
    Map<String, LoadResult> phases = new LinkedHashMap<>();
    phases.put(
        "queue",
        phase(
            "queue",
            queueSeconds,
            (requests - errors) * (double) PER_REQUEST / queueSeconds,
            requests,
            errors,
            latencies,
            reasons,
            cpu.percents(atStart, atQueued, queueSeconds)));
    LongList whole = new LongList();
    whole.add(done - start);
    phases.put(
        "import",
        phase(
            "import",
            importSeconds,
            (total - failed) / importSeconds,
            total,
            failed + (signIn.ok() ? 0 : 1),
            whole,
            new LinkedHashMap<>(),
            cpu.percents(atStart, atDone, importSeconds)));
    return phases;
  }

  /** Issue 22's goal: 100,000 users on PostgreSQL in under two minutes. */
  static final double TARGET_USERS_PER_SECOND = 100_000 / 120.0;

  /** The report's rows: users queued per second, and users imported per second end to end. */
  static List<Verdicts.Row> rows(String backend, RunRecord.ScenarioRecord s) {
    boolean pg = backend.equals("postgres");
    List<Verdicts.Row> rows = new ArrayList<>();
    for (String name : List.of("queue", "import")) {
      RunRecord.Phase phase = s.phases().get(name);
      LoadResult.Figures f = phase.total();
      boolean imported = name.equals("import");
      Double fraction = imported && pg ? f.rps() / TARGET_USERS_PER_SECOND : null;
      String verdict = fraction == null ? "-" : fraction >= 1 && f.errors() == 0 ? "PASS" : "FAIL";
      String db =
          phase.databaseCpuPercent() < 0
              ? ""
              : "PostgreSQL CPU " + Report.cpu(phase.databaseCpuPercent()) + " %";
      rows.add(
          new Verdicts.Row(
              backend,
              "bulkimport",
              imported
                  ? String.format(Locale.ROOT, "users imported /s, %d end to end", f.count())
                  : "users queued /s, " + PER_REQUEST + " a request",
              f.rps(),
              "users/s",
              imported ? null : f.p50Ms(),
              imported ? f.maxMs() : f.p99Ms(),
              f.errors(),
              s.rssAfterMb(),
              phase.serverCpuPercent(),
              phase.clientCpuPercent(),
              imported && pg ? "100,000 in 120 s" : null,
              imported && pg ? TARGET_USERS_PER_SECOND : null,
              fraction,
              imported && pg ? ">= 1.00" : null,
              verdict,
              Verdicts.join(
                  f.errorReasons().isEmpty() ? "" : "errors: " + f.errorReasons(),
                  Verdicts.join(
                      imported ? String.format(Locale.ROOT, "%.1f s in all", f.maxMs() / 1000) : "",
                      db))));
    }
    return rows;
  }

  private static LoadResult phase(
      String op,
      double seconds,
      double usersPerSecond,
      long count,
      long errors,
      LongList latencies,
      Map<String, Integer> reasons,
      double[] cpu) {
    LoadResult.Figures f =
        LoadResult.Figures.of(usersPerSecond, count, errors, 0, latencies, reasons);
    return LoadResult.of(seconds, Map.of(op, f), cpu[0], cpu[1], cpu[2]);
  }

  static String batch(String prefix, int from, int to, String hash) {
    ObjectNode body = Conversations.JSON.createObjectNode();
    ArrayNode users = body.putArray("users");
    for (int i = from; i < to; i++) {
      ObjectNode method = users.addObject().putArray("loginMethods").addObject();
      method.put("recipeId", "emailpassword");
      method.put("email", prefix + "-" + i + "@bench.example");
      method.put("passwordHash", hash);
      method.put("hashingAlgorithm", "bcrypt");
    }
    return body.toString();
  }

  private static long waiting(Setup setup) throws IOException {
    return count(setup, "?status=NEW") + count(setup, "?status=PROCESSING");
  }

  private static long count(Setup setup, String query) throws IOException {
    Setup.Reply r = setup.get(COUNT + query);
    if (!r.ok()) {
      throw new IOException("GET " + COUNT + query + " answered " + r.describe());
    }
    return r.json().path("count").asLong();
  }

  /** CPU ticks of the server, this client and the database, sampled together. */
  private static final class CpuSampler {
    private final Scenarios.Context ctx;
    private final long self = ProcessHandle.current().pid();

    CpuSampler(Scenarios.Context ctx) {
      this.ctx = ctx;
    }

    long[] sample() {
      return new long[] {
        Machine.cpuTicks(ctx.serverPid), Machine.cpuTicks(self), ctx.databaseTicks.getAsLong()
      };
    }

    double[] percents(long[] from, long[] to, double seconds) {
      double[] out = new double[3];
      for (int i = 0; i < 3; i++) {
        out[i] = from[i] < 0 || to[i] < 0 ? -1 : Machine.percentOfCore(to[i] - from[i], seconds);
      }
      return out;
    }
  }
}
