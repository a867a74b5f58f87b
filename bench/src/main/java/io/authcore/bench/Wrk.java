package io.authcore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk for the /hello and verify figures, when it is installed: it spends less CPU per request than
 * a JVM client, and on two shared cores every cycle the client spends is one the server does not
 * get. The bare-Undertow ceiling and the server's /hello always use the same client within a run. A
 * POST (verify) counts every reply that is not 200 with {@code "status":"OK"} as an error, as the
 * harness's own client does.
 */
final class Wrk {
  private Wrk() {}

  static boolean installed() {
    return Child.onPath("wrk");
  }

  /**
   * A warm-up run, then the measured run; the result holds one operation, {@code op}. A GET, or a
   * POST of {@code json} (with the CDI version header) when it is not null.
   */
  static LoadResult run(
      String op,
      int port,
      String path,
      String json,
      int conns,
      int threads,
      double warmup,
      double measure,
      long serverPid,
      LongSupplier databaseTicks)
      throws IOException {
    Path script = json == null ? null : postScript(json);
    String url = "http://127.0.0.1:" + port + path;
    List<String> base = new ArrayList<>(List.of("wrk", "-t" + Math.max(1, threads), "-c" + conns));
    if (script != null) {
      base.add("-s");
      base.add(script.toString());
    }
    try {
      if (warmup > 0) {
        List<String> w = new ArrayList<>(base);
        w.addAll(List.of("-d" + seconds(warmup), url));
        Child.exec(w, (long) warmup + 60);
      }
      List<String> m = new ArrayList<>(base);
      m.addAll(List.of("-d" + seconds(measure), "--latency", url));
      long server0 = Machine.cpuTicks(serverPid);
      long database0 = databaseTicks.getAsLong();
      long start = System.nanoTime();
      Child.Result r = Child.exec(m, (long) measure + 60);
      double elapsed = (System.nanoTime() - start) / 1e9;
      long server1 = Machine.cpuTicks(serverPid);
      long database1 = databaseTicks.getAsLong();
      if (r.exit() != 0) {
        throw new IOException("wrk failed: " + r.output().strip());
      }
      return parse(
          op,
          r.output(),
          measure,
          server0 < 0 ? -1 : Machine.percentOfCore(server1 - server0, elapsed),
          database0 < 0 ? -1 : Machine.percentOfCore(database1 - database0, elapsed));
    } finally {
      if (script != null) {
        Files.deleteIfExists(script);
      }
    }
  }

  // Each wrk thread counts its own bad replies; done() adds them up and prints one line.
  private static Path postScript(String json) throws IOException {
    if (json.contains("]==]")) {
      throw new IllegalArgumentException("body cannot be quoted for Lua");
    }
    String lua =
        String.join(
            "\n",
            "wrk.method = \"POST\"",
            "wrk.body = [==[" + json + "]==]",
            "wrk.headers[\"Content-Type\"] = \"application/json\"",
            "wrk.headers[\"cdi-version\"] = \"" + Request.CDI_VERSION + "\"",
            "notOk = 0",
            "local threads = {}",
            "function setup(thread) table.insert(threads, thread) end",
            "function response(status, headers, body)",
            "  if status ~= 200 or not string.find(body, '\"status\":\"OK\"', 1, true) then",
            "    notOk = notOk + 1",
            "  end",
            "end",
            "function done(summary, latency, requests)",
            "  local n = 0",
            "  for _, t in ipairs(threads) do n = n + t:get(\"notOk\") end",
            "  io.write(\"Not OK replies: \" .. n .. \"\\n\")",
            "end",
            "");
    Path file = Files.createTempFile("bench-wrk", ".lua");
    Files.writeString(file, lua);
    return file;
  }

  private static String seconds(double s) {
    return Math.max(1, Math.round(s)) + "s";
  }

  static LoadResult parse(String op, String out, double measure, double serverCpu) {
    return parse(op, out, measure, serverCpu, -1);
  }

  static LoadResult parse(
      String op, String out, double measure, double serverCpu, double databaseCpu) {
    double rps = number(out, "Requests/sec:\\s+([0-9.]+)");
    long requests = (long) number(out, "(\\d+) requests in");
    long non2xx = (long) number(out, "Non-2xx or 3xx responses:\\s+(\\d+)");
    long notOk = (long) number(out, "Not OK replies: (\\d+)");
    long socket = 0;
    Matcher m =
        Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
            .matcher(out);
    Map<String, Integer> reasons = new LinkedHashMap<>();
    if (m.find()) {
      for (int i = 1; i <= 4; i++) {
        socket += Long.parseLong(m.group(i));
      }
      reasons.put(op + ": wrk " + m.group(0), (int) socket);
    }
    if (non2xx > 0) {
      reasons.put(op + ": non-2xx", (int) non2xx);
    }
    // Not-OK counts the non-2xx replies too, when the script checked them.
    long bad = Math.max(non2xx, notOk);
    if (notOk > non2xx) {
      reasons.put(op + ": not 200 with status OK", (int) (notOk - non2xx));
    }
    LoadResult.Figures f =
        new LoadResult.Figures(
            rps,
            requests,
            bad + socket,
            0,
            latency(out, "50%"),
            latency(out, "90%"),
            latency(out, "99%"),
            maxLatency(out),
            reasons,
            meanLatency(out));
    Map<String, LoadResult.Figures> figures = new LinkedHashMap<>();
    figures.put(op, f);
    return LoadResult.of(measure, figures, serverCpu, -1, databaseCpu);
  }

  private static double number(String out, String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static double latency(String out, String percentile) {
    Matcher m = Pattern.compile("\\s" + percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
    return m.find() ? millis(m.group(1), m.group(2)) : 0;
  }

  private static double meanLatency(String out) {
    Matcher m = Pattern.compile("Latency\\s+([0-9.]+)(us|ms|s)").matcher(out);
    return m.find() ? millis(m.group(1), m.group(2)) : Double.NaN;
  }

  private static double maxLatency(String out) {
    Matcher m = Pattern.compile("Latency\\s+\\S+\\s+\\S+\\s+([0-9.]+)(us|ms|s)").matcher(out);
    return m.find() ? millis(m.group(1), m.group(2)) : 0;
  }

  private static double millis(String value, String unit) {
    double v = Double.parseDouble(value);
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "us" -> v / 1000;
      case "s" -> v * 1000;
      default -> v;
    };
  }
}
