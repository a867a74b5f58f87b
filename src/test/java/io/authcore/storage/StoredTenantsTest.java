package io.authcore.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoredTenantsTest {

  private static final class FakeStore implements TenantStore {
    final List<TenantId> rows = new ArrayList<>(List.of(TenantId.BASE));
    final AtomicInteger lookups = new AtomicInteger();
    final AtomicInteger loads = new AtomicInteger();
    boolean down;

    @Override
    public List<TenantId> all() {
      loads.incrementAndGet();
      if (down) {
        throw new StorageException("down", null);
      }
      return List.copyOf(rows);
    }

    @Override
    public boolean appExists(TenantId app) {
      return tenantExists(app.appLevel());
    }

    @Override
    public boolean tenantExists(TenantId tenant) {
      lookups.incrementAndGet();
      if (down) {
        throw new StorageException("down", null);
      }
      return rows.contains(tenant);
    }
  }

  private static final class ManualClock extends Clock {
    long millis;

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final FakeStore store = new FakeStore();
  private final ManualClock clock = new ManualClock();

  @Test
  void thePublicTenantNeedsNoDatabase() {
    StoredTenants tenants = new StoredTenants(store, clock);
    store.down = true;
    assertTrue(tenants.appExists(TenantId.BASE));
    assertTrue(tenants.tenantExists(TenantId.BASE));
    assertEquals(0, store.lookups.get());
  }

  @Test
  void aTenantCreatedElsewhereIsFoundAtOnce() {
    StoredTenants tenants = new StoredTenants(store, clock);
    TenantId t1 = TenantId.of("public", "t1");
    assertFalse(tenants.tenantExists(t1));
    store.rows.add(t1);
    assertTrue(tenants.tenantExists(t1));
    int lookups = store.lookups.get();
    assertTrue(tenants.tenantExists(t1));
    assertEquals(lookups, store.lookups.get(), "a known tenant was looked up again");
  }

  @Test
  void connectionUriDomainsComeFromTheSnapshotReloadedEveryMinute() {
    StoredTenants tenants = new StoredTenants(store, clock);
    store.rows.add(new TenantId("example.com", "public", "public"));
    assertFalse(tenants.isKnownConnectionUriDomain("example.com"));
    clock.millis += 60_000;
    assertTrue(tenants.isKnownConnectionUriDomain("example.com"));
  }

  @Test
  void theLastSnapshotKeepsAnsweringWhileTheDatabaseIsDown() {
    store.rows.add(new TenantId("example.com", "public", "public"));
    StoredTenants tenants = new StoredTenants(store, clock);
    store.down = true;
    clock.millis += 60_000;
    assertTrue(tenants.isKnownConnectionUriDomain("example.com"));
    int loads = store.loads.get();
    assertTrue(tenants.isKnownConnectionUriDomain("example.com"));
    assertEquals(loads, store.loads.get(), "retried the reload on every request");
  }
}
