package io.authcore.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.config.ConfigException;
import io.authcore.config.CoreConfig;
import io.authcore.config.TenantOverrides;
import io.authcore.tenancy.TenantConfig;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.TenantId;
import io.authcore.tenancy.Tenants;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of apps and tenants and their configuration, kept in memory like the original's and
 * reloaded from the database at most once a minute (the original's {@code SyncCoreConfigWithDb}
 * period), and at once after a change made here. A tenant missing from the snapshot is looked up in
 * the database before it is reported missing, so a tenant created by another core is found at once;
 * a change to an existing tenant's coreConfig made by another core takes effect within the minute.
 * Unknown connection-URI domains are answered from the snapshot alone, since every request asks
 * about its host. While the database is down the last snapshot keeps answering; the request then
 * fails on its own database access.
 */
public final class StoredTenants implements Tenants, TenantConfigs {
  private static final Logger log = LoggerFactory.getLogger(StoredTenants.class);
  private static final long RELOAD_EVERY_MS = 60_000;

  private final TenantStore store;
  private final CoreConfig base;
  private final Clock clock;
  private final ReentrantLock reloading = new ReentrantLock();
  private final List<Consumer<String>> appRemovedListeners = new CopyOnWriteArrayList<>();
  private volatile Snapshot snapshot;

  public StoredTenants(TenantStore store, CoreConfig base, Clock clock) {
    this.store = store;
    this.base = base;
    this.clock = clock;
    this.snapshot = load();
  }

  /** Registry with the default configuration, for tests of existence alone. */
  public StoredTenants(TenantStore store, Clock clock) {
    this(store, CoreConfig.defaults(), clock);
  }

  /**
   * Called with the id of each app that disappeared from the database, by a change here or by
   * another core, so that what is cached for it can be dropped.
   */
  public void onAppRemoved(Consumer<String> listener) {
    appRemovedListeners.add(listener);
  }

  @Override
  public boolean appExists(TenantId app) {
    return exists(app.appLevel());
  }

  @Override
  public boolean tenantExists(TenantId tenant) {
    return exists(tenant);
  }

  @Override
  public boolean isKnownConnectionUriDomain(String host) {
    return current().domains.contains(host);
  }

  /** Reloads the snapshot now; call it after creating, changing or deleting an app or tenant. */
  public void refresh() {
    replace(load());
  }

  @Override
  public CoreConfig config(TenantId tenant) {
    Snapshot s = current();
    if (s.tenants.containsKey(tenant)) {
      return s.effective(tenant);
    }
    TenantId app = tenant.appLevel();
    return s.tenants.containsKey(app) ? s.effective(app) : base;
  }

  @Override
  public CoreConfig appConfig(String appId) {
    Snapshot s = current();
    TenantId inDefaultDomain = TenantId.of(appId, TenantId.DEFAULT);
    if (s.tenants.containsKey(inDefaultDomain)) {
      return s.effective(inDefaultDomain);
    }
    for (TenantId id : s.tenants.keySet()) {
      if (id.appId().equals(appId) && id.isPublicTenant()) {
        return s.effective(id);
      }
    }
    return base;
  }

  @Override
  public Optional<TenantConfig> find(TenantId tenant) {
    return Optional.ofNullable(current().tenants.get(tenant));
  }

  @Override
  public List<TenantConfig> all() {
    return List.copyOf(current().tenants.values());
  }

  @Override
  public Set<String> appIds() {
    return current().apps;
  }

  private boolean exists(TenantId tenant) {
    // The public app and tenant can never be deleted, so they need no lookup.
    if (tenant.equals(TenantId.BASE) || current().tenants.containsKey(tenant)) {
      return true;
    }
    if (store.tenantExists(tenant)) {
      refresh();
      return true;
    }
    return false;
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (clock.millis() - s.loadedAt >= RELOAD_EVERY_MS && reloading.tryLock()) {
      try {
        replace(load());
      } catch (StorageException e) {
        log.warn("Could not reload the tenant list; keeping the previous one: {}", e.getMessage());
        snapshot = s.reloadedAt(clock.millis());
      } finally {
        reloading.unlock();
      }
    }
    return snapshot;
  }

  private void replace(Snapshot next) {
    Snapshot previous = snapshot;
    snapshot = next;
    if (previous != null) {
      for (String app : previous.apps) {
        if (!next.apps.contains(app)) {
          appRemovedListeners.forEach(listener -> listener.accept(app));
        }
      }
    }
  }

  private Snapshot load() {
    Map<TenantId, TenantConfig> tenants = new LinkedHashMap<>();
    for (TenantConfig t : store.configs()) {
      tenants.put(t.id(), t);
    }
    Set<String> domains = new HashSet<>();
    Set<String> apps = new HashSet<>();
    for (TenantId t : tenants.keySet()) {
      domains.add(t.connectionUriDomain());
      apps.add(t.appId());
    }
    return new Snapshot(
        base,
        java.util.Collections.unmodifiableMap(tenants),
        Set.copyOf(domains),
        Set.copyOf(apps),
        clock.millis(),
        new ConcurrentHashMap<>());
  }

  /**
   * One reading of the database, with each tenant's effective configuration worked out when first
   * asked for.
   */
  private record Snapshot(
      CoreConfig base,
      Map<TenantId, TenantConfig> tenants,
      Set<String> domains,
      Set<String> apps,
      long loadedAt,
      Map<TenantId, CoreConfig> effective) {

    Snapshot reloadedAt(long millis) {
      return new Snapshot(base, tenants, domains, apps, millis, effective);
    }

    CoreConfig effective(TenantId tenant) {
      return effective.computeIfAbsent(tenant, this::resolve);
    }

    private CoreConfig resolve(TenantId tenant) {
      List<ObjectNode> layers = new ArrayList<>();
      for (TenantId id : layersOf(tenant)) {
        TenantConfig config = tenants.get(id);
        layers.add(config == null ? null : config.coreConfig());
      }
      try {
        return TenantOverrides.resolve(base, layers);
      } catch (ConfigException e) {
        // Valid when written; config.yaml may have changed since. The original drops the tenant.
        log.error(
            "The coreConfig of {} is not valid, using the base config: {}", tenant, e.getMessage());
        return base;
      }
    }
  }

  /** The tenant, its app's public tenant, its domain's public app: the original's precedence. */
  public static List<TenantId> layersOf(TenantId tenant) {
    List<TenantId> layers = new ArrayList<>(List.of(tenant));
    TenantId app = tenant.appLevel();
    TenantId domain =
        new TenantId(tenant.connectionUriDomain(), TenantId.DEFAULT, TenantId.DEFAULT);
    for (TenantId id : List.of(app, domain)) {
      if (!layers.contains(id)) {
        layers.add(id);
      }
    }
    return layers;
  }
}
