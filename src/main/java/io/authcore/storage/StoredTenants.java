package io.authcore.storage;

import io.authcore.tenancy.TenantId;
import io.authcore.tenancy.Tenants;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of apps and tenants that the web layer consults on every request, kept in memory
 * like the original's and reloaded from the database at most once a minute (the original's {@code
 * SyncCoreConfigWithDb} period). A tenant missing from the snapshot is looked up in the database
 * before it is reported missing, so a tenant created by another core is found at once; unknown
 * connection-URI domains are answered from the snapshot alone, since every request asks about its
 * host. While the database is down the last snapshot keeps answering; the request then fails on its
 * own database access.
 */
public final class StoredTenants implements Tenants {
  private static final Logger log = LoggerFactory.getLogger(StoredTenants.class);
  private static final long RELOAD_EVERY_MS = 60_000;

  private final TenantStore store;
  private final Clock clock;
  private final ReentrantLock reloading = new ReentrantLock();
  private volatile Snapshot snapshot;

  public StoredTenants(TenantStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.snapshot = load();
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

  /** Reloads the snapshot now; call it after creating or deleting an app or tenant. */
  public void refresh() {
    snapshot = load();
  }

  private boolean exists(TenantId tenant) {
    // The public app and tenant can never be deleted, so they need no lookup.
    if (tenant.equals(TenantId.BASE) || current().tenants.contains(tenant)) {
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
        snapshot = load();
      } catch (StorageException e) {
        log.warn("Could not reload the tenant list; keeping the previous one: {}", e.getMessage());
        snapshot = new Snapshot(s.tenants, s.domains, clock.millis());
      } finally {
        reloading.unlock();
      }
    }
    return snapshot;
  }

  private Snapshot load() {
    List<TenantId> all = store.all();
    Set<String> domains = new HashSet<>();
    for (TenantId t : all) {
      domains.add(t.connectionUriDomain());
    }
    return new Snapshot(Set.copyOf(all), Set.copyOf(domains), clock.millis());
  }

  private record Snapshot(Set<TenantId> tenants, Set<String> domains, long loadedAt) {}
}
