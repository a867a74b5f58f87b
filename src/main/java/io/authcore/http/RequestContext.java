package io.authcore.http;

import io.authcore.config.CoreConfig;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.TenantId;
import io.authcore.tenancy.Tenants;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Everything the original checks before an endpoint runs, in its order: tenant prefix, IP filter
 * (asked by {@link Dispatch} before the body is read), api key, cdi-version, method, then the
 * existence of the app or tenant the endpoint needs.
 */
final class RequestContext implements HttpHandler {
  private static final Set<String> RESERVED_TENANT_IDS =
      Set.of("recipe", "config", "users", "hello");
  private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
  private static final Pattern APP_ID = Pattern.compile("[a-z0-9-]*");

  private final String basePath;
  private final Tenants tenants;
  private final TenantConfigs configs;
  private final Router router;
  private final IpFilter ipFilter = new IpFilter();

  RequestContext(CoreConfig config, Tenants tenants, TenantConfigs configs, Router router) {
    this.basePath = config.basePath();
    this.tenants = tenants;
    this.configs = configs;
    this.router = router;
  }

  /** The endpoint's path with the tenant prefix taken off, and the ids the prefix named. */
  record Resolved(String path, String appId, String tenantId) {}

  private static final AttachmentKey<Resolved> RESOLVED = AttachmentKey.create(Resolved.class);
  private static final AttachmentKey<TenantId> TENANT = AttachmentKey.create(TenantId.class);
  private static final Resolved UNKNOWN = new Resolved(null, null, null);

  /**
   * Resolves the request's path once, on the I/O thread, and keeps the result on the exchange; the
   * pool that serves the request depends on it.
   */
  Resolved resolve(HttpServerExchange exchange) {
    Resolved resolved = exchange.getAttachment(RESOLVED);
    if (resolved == null) {
      resolved = resolvePath(exchange.getRequestPath());
      exchange.putAttachment(RESOLVED, resolved);
    }
    return resolved;
  }

  /** True when the request's endpoint may answer on the I/O thread right now. */
  boolean canRunInline(HttpServerExchange exchange) {
    Resolved resolved = resolve(exchange);
    // Only the public app and tenant, which are always known in memory: the existence checks for
    // any other may ask the database.
    if (resolved == UNKNOWN
        || !resolved.appId().equals(TenantId.DEFAULT)
        || !resolved.tenantId().equals(TenantId.DEFAULT)) {
      return false;
    }
    BooleanSupplier inline = router.inlineWhen(resolved.path());
    return inline != null && inline.getAsBoolean();
  }

  /**
   * The IP filter of the tenant the request names (of its app's public tenant when the tenant does
   * not exist, of config.yaml for an unknown app or path). Checked first, on the I/O thread, so a
   * refused client costs no body read, no key check and no database work.
   */
  boolean allowsPeer(HttpServerExchange exchange) {
    Resolved resolved = resolve(exchange);
    TenantId tenant = resolved == UNKNOWN ? TenantId.BASE : tenant(exchange, resolved);
    return ipFilter.allows(configs.config(tenant), exchange.getSourceAddress().getAddress());
  }

  // The tenant a resolved request names, worked out (with its Host lookup) once per request.
  private TenantId tenant(HttpServerExchange exchange, Resolved resolved) {
    TenantId tenant = exchange.getAttachment(TENANT);
    if (tenant == null) {
      tenant = new TenantId(connectionUriDomain(exchange), resolved.appId(), resolved.tenantId());
      exchange.putAttachment(TENANT, tenant);
    }
    return tenant;
  }

  /** The endpoint's path without the app and tenant prefix (a bounded set), or null if unknown. */
  String routeOf(HttpServerExchange exchange) {
    return resolve(exchange).path();
  }

  /** The tenant the request's path names, or null for an unknown path. */
  TenantId tenantOf(HttpServerExchange exchange) {
    Resolved resolved = resolve(exchange);
    return resolved == UNKNOWN ? null : tenant(exchange, resolved);
  }

  /** True when the request goes to an endpoint registered as {@link Route#slow()}. */
  boolean isSlow(HttpServerExchange exchange) {
    Resolved resolved = resolve(exchange);
    return resolved != UNKNOWN && router.isSlow(resolved.path());
  }

  private Resolved resolvePath(String path) {
    if (!basePath.isEmpty()) {
      if (!path.equals(basePath) && !path.startsWith(basePath + "/")) {
        return UNKNOWN;
      }
      path = path.substring(basePath.length());
    }
    Resolved resolved = resolve(path.isEmpty() ? "/" : path.toLowerCase(Locale.ROOT));
    return resolved == null ? UNKNOWN : resolved;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    Resolved resolved = resolve(exchange);
    TenantId tenant = resolved == UNKNOWN ? TenantId.BASE : tenant(exchange, resolved);
    // Counted for the app's request statistics whatever the answer, as the original counts them;
    // not a request that will run again on a worker.
    boolean answered = true;
    try {
      handle(exchange, resolved, tenant);
    } catch (Call.LeaveIoThread e) {
      answered = false;
      throw e;
    } catch (NotForOlderClients e) {
      answered = false;
      throw HttpError.notFound();
    } finally {
      if (answered) {
        router.answered(tenant);
      }
    }
  }

  /**
   * A request's answer has gone ({@code tenant} null for an unknown path): the observers that time
   * requests hear of it.
   */
  void completed(TenantId tenant, String route, String method, int status, long nanos) {
    if (router.timesRequests()) {
      router.completed(tenant == null ? TenantId.BASE : tenant, route, method, status, nanos);
    }
  }

  /** A tenant named by a client older than tenants: answered 404 and, as there, not counted. */
  private static final class NotForOlderClients extends RuntimeException {
    NotForOlderClients() {
      super(null, null, false, false);
    }
  }

  private void handle(HttpServerExchange exchange, Resolved resolved, TenantId tenant)
      throws Exception {
    if (resolved == UNKNOWN) {
      CdiRange.from(configs.config(TenantId.BASE))
          .parse(exchange.getRequestHeaders().getFirst("cdi-version"), false);
      throw HttpError.notFound();
    }
    // api_keys and the CDI bounds are app settings: the app's public tenant holds them, which
    // also covers a tenant segment that names no tenant.
    CoreConfig appConfig = configs.config(tenant.appLevel());
    Route route =
        router.find(
            resolved.path(),
            exchange.getRequestMethod().toString(),
            exchange.getRequestHeaders().getFirst("rid"));
    Route flags = route != null ? route : router.anyRoute(resolved.path());

    // Before the app's existence is looked at, so that app ids cannot be probed without a key: an
    // unknown app is held to config.yaml's keys.
    if (flags.apiKeyChecked) {
      checkApiKey(exchange, appConfig.apiKeys());
    }
    CdiRange range = CdiRange.from(appConfig);
    CdiVersion cdi =
        range.parse(exchange.getRequestHeaders().getFirst("cdi-version"), flags.cdiVersionNeeded);
    // Tenants came with CDI 3.0: an older client naming one reaches no endpoint.
    if (cdi.below(CdiVersion.V3_0) && !tenant.isPublicTenant()) {
      throw new NotForOlderClients();
    }
    if (route == null) {
      throw HttpError.methodNotSupported();
    }
    checkScope(route, tenant, cdi);

    Object result = route.endpoint.handle(new Call(exchange, tenant, cdi, range.offered()));
    write(exchange, result);
  }

  Resolved resolve(String rawPath) {
    String path =
        rawPath.length() > 1 && rawPath.endsWith("/")
            ? rawPath.substring(0, rawPath.length() - 1)
            : rawPath;
    if (router.hasPath(path)) {
      return new Resolved(path, TenantId.DEFAULT, TenantId.DEFAULT);
    }
    String appId = TenantId.DEFAULT;
    String rest = path;
    if (rest.startsWith("/appid-")) {
      String segment = firstSegment(rest).substring("appid-".length());
      if (!APP_ID.matcher(segment).matches()) {
        return null;
      }
      appId = segment.isEmpty() ? TenantId.DEFAULT : segment;
      rest = afterFirstSegment(rest);
      if (router.hasPath(rest)) {
        return new Resolved(rest, appId, TenantId.DEFAULT);
      }
    }
    String tenantId = firstSegment(rest);
    if (!ID.matcher(tenantId).matches() || RESERVED_TENANT_IDS.contains(tenantId)) {
      return null;
    }
    rest = afterFirstSegment(rest);
    return router.hasPath(rest) ? new Resolved(rest, appId, tenantId) : null;
  }

  private static String firstSegment(String path) {
    int end = path.indexOf('/', 1);
    return end < 0 ? path.substring(1) : path.substring(1, end);
  }

  private static String afterFirstSegment(String path) {
    int end = path.indexOf('/', 1);
    return end < 0 ? "/" : path.substring(end);
  }

  private String connectionUriDomain(HttpServerExchange exchange) {
    String host = exchange.getHostName();
    if (host == null) {
      return "";
    }
    host = host.trim().toLowerCase(Locale.ROOT);
    return tenants.isKnownConnectionUriDomain(host) ? host : "";
  }

  private static void checkApiKey(HttpServerExchange exchange, List<String> apiKeys) {
    if (apiKeys.isEmpty()) {
      return;
    }
    String given = exchange.getRequestHeaders().getFirst("api-key");
    if (given == null) {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization != null) {
        given =
            authorization.regionMatches(true, 0, "bearer ", 0, 7)
                ? authorization.substring(7)
                : authorization;
      }
    }
    if (given == null) {
      throw HttpError.unauthorised();
    }
    byte[] candidate = given.trim().getBytes(StandardCharsets.UTF_8);
    boolean match = false;
    for (String key : apiKeys) {
      // Every key is compared, so the time taken says nothing about which one nearly matched.
      match |= MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), candidate);
    }
    if (!match) {
      throw HttpError.unauthorised();
    }
  }

  private void checkScope(Route route, TenantId tenant, CdiVersion cdi) {
    Scope scope = route.scope;
    if (scope == Scope.NONE) {
      return;
    }
    // The original looks a tenant-level endpoint's tenant up directly, so a missing app is
    // reported as a missing tenant; app-level endpoints mostly look up the app's public tenant,
    // and only a few name the app.
    if (scope == Scope.TENANT) {
      if (!tenants.tenantExists(tenant)) {
        throw HttpError.tenantNotFound(tenant);
      }
      return;
    }
    if (!tenants.appExists(tenant.appLevel())) {
      throw route.namesMissingApp
          ? HttpError.appNotFound(tenant)
          : HttpError.tenantNotFound(tenant.appLevel());
    }
    switch (scope) {
      case APP_PUBLIC_TENANT -> {
        if (cdi.atLeast(route.publicTenantSince) && !tenant.isPublicTenant()) {
          throw HttpError.forbidden("Only public tenantId can call this app specific API");
        }
      }
      case TENANT, APP, NONE -> {}
    }
  }

  private static void write(HttpServerExchange exchange, Object result) {
    String textType = Replies.TEXT;
    if (result instanceof Response response) {
      textType = response.headers().getOrDefault("Content-Type", textType);
      response
          .headers()
          .forEach(
              (k, v) ->
                  exchange
                      .getResponseHeaders()
                      .put(io.undertow.util.HttpString.tryFromString(k), v));
      result = response.body();
    }
    if (result instanceof String text) {
      Replies.send(exchange, 200, textType, text);
    } else {
      Replies.json(exchange, result);
    }
  }

  @Override
  public String toString() {
    return "requestContext()";
  }

  /** The cdi-version header against the versions this core implements and the configured bounds. */
  record CdiRange(
      String max, String min, Map<String, CdiVersion> accepted, List<CdiVersion> offered) {
    private static final Map<List<String>, CdiRange> RANGES = new ConcurrentHashMap<>();

    static CdiRange from(CoreConfig config) {
      String max =
          config.optionalString("supertokens_max_cdi_version").orElse(CdiVersion.latest().wire());
      String min = config.optionalString("supertokens_min_cdi_version").orElse(null);
      return RANGES.computeIfAbsent(Arrays.asList(max, min), k -> of(max, min));
    }

    /** The versions inside the bounds, so the usual header is one map lookup. */
    private static CdiRange of(String max, String min) {
      Map<String, CdiVersion> accepted = new HashMap<>();
      List<CdiVersion> offered = new ArrayList<>();
      for (CdiVersion v : CdiVersion.values()) {
        if (compare(v.wire(), max) <= 0) {
          offered.add(v);
          if (min == null || compare(v.wire(), min) >= 0) {
            accepted.put(v.wire(), v);
          }
        }
      }
      return new CdiRange(max, min, Map.copyOf(accepted), List.copyOf(offered));
    }

    CdiVersion parse(String header, boolean exactNeeded) {
      if (header == null) {
        return CdiVersion.exactly(max).orElse(CdiVersion.latest());
      }
      CdiVersion known = accepted.get(header);
      if (known != null) {
        return known;
      }
      String version = header.trim();
      if (!CdiVersion.isWellFormed(version)) {
        throw HttpError.badRequest("cdi-version header is invalid");
      }
      if (compare(version, max) > 0) {
        throw HttpError.badRequest("cdi-version " + version + " not supported");
      }
      if (min != null && compare(version, min) < 0) {
        throw HttpError.badRequest(
            "cdi-version " + version + " is lower than the minimum allowed version " + min);
      }
      var exact = CdiVersion.exactly(version);
      if (exact.isEmpty() && exactNeeded) {
        throw HttpError.badRequest("cdi-version " + version + " not supported");
      }
      return exact.orElse(CdiVersion.latest());
    }

    static int compare(String a, String b) {
      String[] x = a.split("\\.");
      String[] y = b.split("\\.");
      for (int i = 0; i < Math.max(x.length, y.length); i++) {
        BigInteger xi = i < x.length ? new BigInteger(x[i]) : BigInteger.ZERO;
        BigInteger yi = i < y.length ? new BigInteger(y[i]) : BigInteger.ZERO;
        int order = xi.compareTo(yi);
        if (order != 0) {
          return order;
        }
      }
      return 0;
    }
  }
}
