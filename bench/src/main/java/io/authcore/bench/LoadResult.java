package io.authcore.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one load run measured, per operation and over all operations. */
final class LoadResult {
  final double seconds;
  final Map<String, LoadClient.OpStats> ops;

  /** CPU the server and this load client used in the window, in % of one core (-1: unknown). */
  final double serverCpuPercent;

  final double clientCpuPercent;

  /** CPU of the database server's processes in the window (PostgreSQL), -1 when none. */
  final double databaseCpuPercent;

  /** Figures another client (wrk) measured, when there are no latencies to compute them from. */
  private final Map<String, Figures> given;

  /** What this harness's client measured. */
  LoadResult(
      double seconds,
      Map<String, LoadClient.OpStats> ops,
      double serverCpuPercent,
      double clientCpuPercent,
      double databaseCpuPercent) {
    this(seconds, ops, serverCpuPercent, clientCpuPercent, databaseCpuPercent, null);
  }

  private LoadResult(
      double seconds,
      Map<String, LoadClient.OpStats> ops,
      double serverCpuPercent,
      double clientCpuPercent,
      double databaseCpuPercent,
      Map<String, Figures> given) {
    this.seconds = seconds;
    this.ops = ops;
    this.serverCpuPercent = serverCpuPercent;
    this.clientCpuPercent = clientCpuPercent;
    this.databaseCpuPercent = databaseCpuPercent;
    this.given = given;
  }

  /** What another client measured (wrk): the figures themselves, no latencies. */
  static LoadResult of(
      double seconds,
      Map<String, Figures> given,
      double serverCpu,
      double clientCpu,
      double databaseCpu) {
    Map<String, LoadClient.OpStats> ops = new LinkedHashMap<>();
    given.keySet().forEach(op -> ops.put(op, new LoadClient.OpStats(op)));
    return new LoadResult(seconds, ops, serverCpu, clientCpu, databaseCpu, given);
  }

  /** Throughput and latency of the named operations together (all when none named). */
  Figures figures(String... names) {
    if (given != null) {
      return names.length == 1 ? given.get(names[0]) : given.values().iterator().next();
    }
    List<LoadClient.OpStats> chosen = new ArrayList<>();
    if (names.length == 0) {
      chosen.addAll(ops.values());
    } else {
      for (String n : names) {
        if (ops.containsKey(n)) {
          chosen.add(ops.get(n));
        }
      }
    }
    long count = 0;
    long errors = 0;
    long warmupErrors = 0;
    LongList all = new LongList();
    Map<String, Integer> reasons = new LinkedHashMap<>();
    for (LoadClient.OpStats s : chosen) {
      count += s.count;
      errors += s.errors;
      warmupErrors += s.warmupErrors;
      all.addAll(s.latencies);
      s.reasons.forEach((r, c) -> reasons.merge(s.op + ": " + r, c, Integer::sum));
    }
    return Figures.of(count / seconds, count, errors, warmupErrors, all, reasons);
  }

  /**
   * Successful requests per second; latencies in ms over every completed request (the mean NaN
   * where the client does not give one).
   */
  record Figures(
      double rps,
      long count,
      long errors,
      long warmupErrors,
      double p50Ms,
      double p90Ms,
      double p99Ms,
      double maxMs,
      Map<String, Integer> errorReasons,
      double meanMs) {
    /** With the percentiles of {@code latencies} (nanoseconds). */
    static Figures of(
        double rps,
        long count,
        long errors,
        long warmupErrors,
        LongList latencies,
        Map<String, Integer> errorReasons) {
      long[] sorted = latencies.sorted();
      return new Figures(
          rps,
          count,
          errors,
          warmupErrors,
          LongList.percentile(sorted, 50) / 1e6,
          LongList.percentile(sorted, 90) / 1e6,
          LongList.percentile(sorted, 99) / 1e6,
          sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
          errorReasons,
          sorted.length == 0 ? 0 : Arrays.stream(sorted).average().orElse(0) / 1e6);
    }
  }
}
