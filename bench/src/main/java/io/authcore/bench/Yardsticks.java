package io.authcore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mindrot.jbcrypt.BCrypt;

/**
 * What bounds the side-by-side figures on this machine, measured once before the servers run: how
 * many RSA-2048 signatures all cores make a second (OpenSSL's own loop, the fastest signer here),
 * how long one bcrypt hash at cost 11 takes a core (jBCrypt, the original's hasher), and the
 * resident memory of a bare Undertow on the server's flags once idle (the floor of a JVM HTTP
 * server).
 */
record Yardsticks(double signsPerSecond, double bcryptMs, double bareUndertowMb) {
  static final int BCRYPT_COST = 11;

  static Yardsticks measure(List<String> flags, Path raw, double settleSeconds, Machine.Log log)
      throws Exception {
    int cores = Machine.cores();
    double signs = opensslRsa(cores, 5, raw)[0];
    log.line(
        String.format(
            Locale.ROOT, "  RSA-2048 signatures (OpenSSL, %d cores): %.0f/s", cores, signs));
    double bcrypt = timeOneHash();
    log.line(
        String.format(Locale.ROOT, "  bcrypt cost %d, one core: %.0f ms", BCRYPT_COST, bcrypt));
    double floor = bareUndertowMb(flags, raw, settleSeconds);
    log.line(String.format(Locale.ROOT, "  bare Undertow idle: %.0f MB", floor));
    return new Yardsticks(signs, bcrypt, floor);
  }

  /**
   * Signatures and verifications a second of OpenSSL's own loop on {@code cores} processes ({@code
   * openssl speed -multi}); its output is kept in {@code raw}.
   */
  static double[] opensslRsa(int cores, int seconds, Path raw) throws IOException {
    List<String> command =
        List.of(
            "openssl",
            "speed",
            "-seconds",
            String.valueOf(seconds),
            "-multi",
            String.valueOf(cores),
            "rsa2048");
    Child.Result r = Child.exec(command, 4L * seconds + 60);
    Files.writeString(raw.resolve("ceiling-openssl-rsa.log"), r.output());
    Matcher rates =
        Pattern.compile("(?m)^rsa 2048 bits\\s+\\S+s\\s+\\S+s\\s+([0-9.]+)\\s+([0-9.]+)")
            .matcher(r.output());
    if (r.exit() != 0 || !rates.find()) {
      throw new IOException("openssl speed: no rsa 2048 line in " + r.output().strip());
    }
    return new double[] {Double.parseDouble(rates.group(1)), Double.parseDouble(rates.group(2))};
  }

  // The fastest of five hashes after one to warm up: a bound is the best case.
  private static double timeOneHash() {
    String salt = BCrypt.gensalt(BCRYPT_COST);
    BCrypt.hashpw("correct-horse-42", salt);
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      BCrypt.hashpw("correct-horse-42", salt);
      best = Math.min(best, System.nanoTime() - t0);
    }
    return best / 1e6;
  }

  private static double bareUndertowMb(List<String> flags, Path raw, double settleSeconds)
      throws IOException {
    try (BareUndertow.Launched undertow =
        BareUndertow.start("undertow-idle", "worker", flags, raw)) {
      Setup setup = new Setup("127.0.0.1", undertow.port());
      for (int i = 0; i < 3; i++) {
        setup.get("/hello");
      }
      Child.sleep((long) (settleSeconds * 1000));
      return Child.rssMb(undertow.child().pid());
    }
  }
}
