package io.authcore.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Measures one ceiling in this JVM (started with the server's flags) and prints {@code RESULT
 * <json>}: the rate at which {@code threads} threads can do the one operation that bounds an
 * endpoint, with nothing else around it.
 */
final class CeilingProbe {
  static final String RESULT = "RESULT ";

  private CeilingProbe() {}

  interface Op {
    void run() throws Exception;
  }

  static void main(String kind, Options options) throws Exception {
    int threads = options.integer("threads", 1);
    double warmup = options.decimal("warmup", 2);
    double measure = options.decimal("measure", 5);
    Op op;
    AutoCloseable resource = null;
    switch (kind) {
      case "rs256-sign" -> {
        KeyPair keys = rsaKeys();
        byte[] input = signingInput();
        op =
            () -> {
              // A new Signature per operation, as a server that signs from many threads does.
              Signature rsa = Signature.getInstance("SHA256withRSA");
              rsa.initSign(keys.getPrivate());
              rsa.update(input);
              rsa.sign();
            };
      }
      case "rs256-verify" -> {
        KeyPair keys = rsaKeys();
        byte[] input = signingInput();
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(input);
        byte[] signature = signer.sign();
        op =
            () -> {
              Signature rsa = Signature.getInstance("SHA256withRSA");
              rsa.initVerify(keys.getPublic());
              rsa.update(input);
              if (!rsa.verify(signature)) {
                throw new IllegalStateException("signature did not verify");
              }
            };
      }
      case "bcrypt" -> {
        int cost = options.integer("cost", 11);
        op = () -> BCrypt.hashpw("correct-horse-42", BCrypt.gensalt(cost));
      }
      case "jdbc" -> {
        HikariDataSource ds = dataSource(options, threads);
        resource = ds;
        String payload = "x".repeat(300);
        op =
            () -> {
              String id = UUID.randomUUID().toString();
              try (Connection c = ds.getConnection()) {
                try (PreparedStatement ins =
                    c.prepareStatement(
                        "INSERT INTO bench_rows (id, created, payload) VALUES (?, ?, ?)")) {
                  ins.setString(1, id);
                  ins.setLong(2, System.currentTimeMillis());
                  ins.setString(3, payload);
                  ins.executeUpdate();
                }
                try (PreparedStatement sel =
                    c.prepareStatement(
                        "SELECT id, created, payload FROM bench_rows WHERE id = ?")) {
                  sel.setString(1, id);
                  try (ResultSet rs = sel.executeQuery()) {
                    if (!rs.next()) {
                      throw new IllegalStateException("inserted row not found");
                    }
                  }
                }
              }
            };
      }
      default -> throw new IllegalArgumentException("unknown ceiling " + kind);
    }
    try {
      Rate rate = measure(op, threads, warmup, measure);
      System.out.println(
          RESULT
              + String.format(
                  Locale.ROOT,
                  "{\"kind\":\"%s\",\"threads\":%d,\"opsPerSecond\":%.1f,\"ops\":%d,"
                      + "\"p50Ms\":%.4f,\"p99Ms\":%.4f,\"rssMb\":%.1f}",
                  kind,
                  threads,
                  rate.perSecond,
                  rate.ops,
                  rate.p50Ms,
                  rate.p99Ms,
                  Child.rssMb(ProcessHandle.current().pid())));
    } finally {
      if (resource != null) {
        resource.close();
      }
    }
  }

  record Rate(double perSecond, long ops, double p50Ms, double p99Ms) {}

  /**
   * Each thread loops over the operation; its rate is the operations completed inside the window
   * over the time between its first and last completion there, so slow operations (a bcrypt hash
   * takes 0.1 s) are not cut at the window's edges.
   */
  static Rate measure(Op op, int threads, double warmupSeconds, double measureSeconds)
      throws InterruptedException {
    long start = System.nanoTime() + (long) (warmupSeconds * 1e9);
    long end = start + (long) (measureSeconds * 1e9);
    List<Thread> running = new ArrayList<>();
    double[] rates = new double[threads];
    long[] counts = new long[threads];
    LongList[] latencies = new LongList[threads];
    Throwable[] failure = new Throwable[1];
    for (int t = 0; t < threads; t++) {
      int index = t;
      latencies[t] = new LongList();
      Thread thread =
          new Thread(
              () -> {
                long first = -1;
                long last = -1;
                long n = 0;
                try {
                  while (true) {
                    long before = System.nanoTime();
                    op.run();
                    long now = System.nanoTime();
                    if (now >= end) {
                      break;
                    }
                    if (now >= start) {
                      latencies[index].add(now - before);
                      if (first < 0) {
                        first = now;
                      } else {
                        n++;
                        last = now;
                      }
                    }
                  }
                } catch (Throwable e) {
                  failure[0] = e;
                }
                counts[index] = n;
                rates[index] = last > first ? n / ((last - first) / 1e9) : 0;
              },
              "ceiling-" + t);
      thread.start();
      running.add(thread);
    }
    for (Thread thread : running) {
      thread.join();
    }
    if (failure[0] != null) {
      throw new IllegalStateException("ceiling operation failed: " + failure[0], failure[0]);
    }
    double sum = 0;
    long ops = 0;
    LongList all = new LongList();
    for (int t = 0; t < threads; t++) {
      sum += rates[t];
      ops += counts[t];
      all.addAll(latencies[t]);
    }
    long[] sorted = all.sorted();
    return new Rate(
        sum, ops, LongList.percentile(sorted, 50) / 1e6, LongList.percentile(sorted, 99) / 1e6);
  }

  static KeyPair rsaKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** base64url(header).base64url(payload) of an access token like the original's (~580 bytes). */
  static byte[] signingInput() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        "{\"kid\":\"d-1795997727678\",\"typ\":\"JWT\",\"version\":\"5\",\"alg\":\"RS256\"}";
    String payload =
        "{\"iat\":1795997732,\"exp\":1796001332,\"sub\":\"bb815fda-3a63-4f97-8953-64d34ae897f9\","
            + "\"tId\":\"public\",\"rsub\":\"bb815fda-3a63-4f97-8953-64d34ae897f9\","
            + "\"sessionHandle\":\"8a4791e3-1076-4634-b109-a77f531f39b4\","
            + "\"refreshTokenHash1\":\"c69390fa037e59fb3861bb79ae047798d410d4a8c8a838b108735948b183d573\","
            + "\"parentRefreshTokenHash1\":null,\"antiCsrfToken\":null,\"role\":\"admin\"}";
    return (b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)))
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static HikariDataSource dataSource(Options options, int threads) throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(options.string("url", null));
    config.setUsername(options.string("user", "postgres"));
    config.setPassword(options.string("password", "postgres"));
    config.setMaximumPoolSize(Math.max(threads, 2));
    config.setAutoCommit(true);
    HikariDataSource ds = new HikariDataSource(config);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS bench_rows (id VARCHAR(36) PRIMARY KEY, created BIGINT,"
              + " payload TEXT)");
    }
    return ds;
  }
}
