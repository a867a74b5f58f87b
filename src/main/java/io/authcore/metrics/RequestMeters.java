package io.authcore.metrics;

import io.authcore.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code authcore_http_requests_seconds}: one histogram per app, route template, method and status.
 * Every label comes from a small set, so a client cannot grow the series: the route is a registered
 * path or {@code unmatched}, the method one of four or {@code OTHER}, the app an existing one or
 * {@code unknown}. Fixed buckets from half a millisecond to ten seconds give p50/p95/p99 through
 * {@code histogram_quantile}, summed across instances.
 */
final class RequestMeters {
  static final String NAME = "authcore.http.requests";

  private static final Duration[] BUCKETS =
      Buckets.millis(0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000);

  /**
   * A timer's labels. Not a record: its hash is worked out once from the strings' cached hashes,
   * and equal labels are mostly the same instances (route and method constants), compared first.
   */
  private static final class Key {
    final String app;
    final String route;
    final String method;
    final int status;
    private final int hash;

    Key(String app, String route, String method, int status) {
      this.app = app;
      this.route = route;
      this.method = method;
      this.status = status;
      this.hash = ((app.hashCode() * 31 + route.hashCode()) * 31 + method.hashCode()) * 31 + status;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.hash == hash
          && k.status == status
          && same(k.route, route)
          && same(k.method, method)
          && same(k.app, app);
    }

    private static boolean same(String a, String b) {
      return a == b || a.equals(b);
    }
  }

  private final MeterRegistry registry;
  private final Supplier<Set<String>> appIds;
  // Looked up on every request: a map hit, not Micrometer's id building and tag sorting.
  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

  /**
   * @param appIds the apps known in memory: read on the I/O thread, so never a database lookup
   *     (which a made-up app id would cost with {@code Tenants.appExists})
   */
  RequestMeters(MeterRegistry registry, Supplier<Set<String>> appIds) {
    this.registry = registry;
    this.appIds = appIds;
  }

  void record(TenantId tenant, String route, String method, int status, long nanos) {
    String app = appIds.get().contains(tenant.appId()) ? tenant.appId() : "unknown";
    Key key = new Key(app, route == null ? "unmatched" : route, method(method), status);
    Timer timer = timers.get(key);
    if (timer == null) {
      timer = timers.computeIfAbsent(key, this::timer);
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(Key key) {
    return Timer.builder(NAME)
        .description("Requests answered, by app, route template, method and status")
        .tag("app", key.app)
        .tag("route", key.route)
        .tag("method", key.method)
        .tag("status", Integer.toString(key.status))
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  private static String method(String method) {
    return switch (method) {
      case "GET", "POST", "PUT", "DELETE" -> method;
      default -> "OTHER";
    };
  }
}
