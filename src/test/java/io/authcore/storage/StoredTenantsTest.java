package io.authcore.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.config.ConfigLoader;
import io.authcore.config.CoreConfig;
import io.authcore.tenancy.TenantConfig;
import io.authcore.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoredTenantsTest {

  private static final class FakeStore implements TenantStore {
    final List<TenantId> rows = new ArrayList<>(List.of(TenantId.BASE));
    final AtomicInteger lookups = new AtomicInteger();
    final AtomicInteger loads = new AtomicInteger();
    boolean down;

    final Map<TenantId, ObjectNode> coreConfigs = new HashMap<>();

    @Override
    public List<TenantId> all() {
      return configs().stream().map(TenantConfig::id).toList();
    }

    @Override
    public List<TenantConfig> configs() {
      loads.incrementAndGet();
      if (down) {
        throw new StorageException("down", null);
      }
      return rows.stream()
          .map(id -> TenantConfig.everythingEnabled(id).withCoreConfig(coreConfigs.get(id)))
          .toList();
    }

    @Override
    public boolean save(TenantConfig config, long now) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean delete(TenantId tenant) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Association addUser(TenantId tenant, String recipeUserId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeUser(TenantId tenant, String recipeUserId, String nonAuthUserId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isAuthUser(String appId, String userId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean usedByNonAuthRecipe(String appId, String userId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> lastActiveTimes(String appId, long since) {
      throw new UnsupportedOperationException();
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

  private static ObjectNode json(String key, int value) {
    return JsonNodeFactory.instance.objectNode().put(key, value);
  }

  @Test
  void effectiveConfigLayersTenantOverAppOverDomainOverBase() {
    CoreConfig base =
        ConfigLoader.load(null, Map.of(), Map.of("access_token_validity", "100"), false);
    TenantId domain = new TenantId("example.com", "public", "public");
    TenantId app = new TenantId("example.com", "a1", "public");
    TenantId tenant = new TenantId("example.com", "a1", "t1");
    store.rows.addAll(List.of(domain, app, tenant));
    store.coreConfigs.put(domain, json("password_reset_token_lifetime", 5));
    store.coreConfigs.put(app, json("access_token_validity", 200));
    store.coreConfigs.put(tenant, json("password_reset_token_lifetime", 7));
    StoredTenants tenants = new StoredTenants(store, base, clock);

    assertEquals(200L, tenants.config(tenant).longValue("access_token_validity"));
    assertEquals(7L, tenants.config(tenant).longValue("password_reset_token_lifetime"));
    assertEquals(5L, tenants.config(app).longValue("password_reset_token_lifetime"));
    assertEquals(100L, tenants.config(domain).longValue("access_token_validity"));
    assertEquals(100L, tenants.config(TenantId.BASE).longValue("access_token_validity"));
    assertEquals(
        200L,
        tenants
            .config(new TenantId("example.com", "a1", "nope"))
            .longValue("access_token_validity"),
        "an unknown tenant gets its app's settings");
    assertEquals(200L, tenants.appConfig("a1").longValue("access_token_validity"));
    assertEquals(100L, tenants.appConfig("unknown").longValue("access_token_validity"));
  }

  @Test
  void anotherCoresChangeIsSeenWithinAMinuteAndRemovedAppsAreReported() {
    TenantId app = TenantId.of("a1", "public");
    store.rows.add(app);
    StoredTenants tenants = new StoredTenants(store, clock);
    List<String> removed = new ArrayList<>();
    tenants.onAppRemoved(removed::add);
    assertEquals(3600L, tenants.config(app).longValue("access_token_validity"));

    store.coreConfigs.put(app, json("access_token_validity", 2));
    clock.millis += 59_999;
    assertEquals(3600L, tenants.config(app).longValue("access_token_validity"));
    clock.millis += 1;
    assertEquals(2L, tenants.config(app).longValue("access_token_validity"));

    store.rows.remove(app);
    tenants.refresh();
    assertEquals(List.of("a1"), removed);
    assertFalse(tenants.appIds().contains("a1"));
  }
}
