import io.authcore.config.ConfigLoader;
import io.authcore.config.CoreConfig;
import io.authcore.limits.AbuseLimits;
import io.authcore.limits.Attempt;
import io.authcore.limits.Limit;
import io.authcore.tenancy.TenantConfigs;
import java.time.Clock;
import java.util.Map;

/**
 * The abuse limiter's own cost per sign-in, in process, without HTTP or hashing (which would hide it):
 * {@code java -cp target/authcore.jar bench/limiter-cost/LimiterCost.java}. The success path reserves
 * under the account and address limits and clears; the spray path fails on a new account each time,
 * so the map fills and evicts.
 */
public class LimiterCost {
  public static void main(String[] a) throws Exception {
    CoreConfig config = ConfigLoader.load(null, Map.of(), Map.of("abuse_client_ip_header", "x-forwarded-for"), false);
    AbuseLimits limits = new AbuseLimits(TenantConfigs.fixed(config), Clock.systemUTC());
    for (int round = 0; round < 5; round++) {
      int n = 2_000_000;
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        Attempt at = limits.begin("public", Limit.SIGN_IN_FAILURES_PER_ACCOUNT, "user" + (i & 1023) + "@example.com",
            Limit.SIGN_IN_FAILURES_PER_IP, "203.0.113." + (i & 255)).orElseThrow();
        at.succeeded();
      }
      long t1 = System.nanoTime();
      // A spray: every attempt a new account, failed (the map fills and evicts).
      for (int i = 0; i < n; i++) {
        limits.begin("public", Limit.SIGN_IN_FAILURES_PER_ACCOUNT, "spray" + round + "-" + i + "@example.com",
            Limit.SIGN_IN_FAILURES_PER_IP, null).ifPresent(Attempt::failed);
      }
      long t2 = System.nanoTime();
      System.out.printf("round %d: success path %.0f ns/sign-in, spray path %.0f ns/sign-in%n",
          round, (t1 - t0) / (double) n, (t2 - t1) / (double) n);
    }
  }
}
