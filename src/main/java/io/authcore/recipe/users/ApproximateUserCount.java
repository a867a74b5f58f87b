package io.authcore.recipe.users;

import io.authcore.storage.Storage;
import io.authcore.tenancy.TenantId;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant's user count that is cheap to ask often ({@code allowApproximate}): a count of the
 * groups that joined up to a moment ("as of"), kept for ten minutes, plus a live count of those
 * that joined since, which only reads the newest rows. Users deleted since the anchor are still
 * counted until it is recomputed. A stale anchor keeps being served while one recomputation at a
 * time runs in the background, as in the original.
 */
public final class ApproximateUserCount {
  private static final Logger log = LoggerFactory.getLogger(ApproximateUserCount.class);
  static final long REFRESH_AFTER_MS = 10 * 60 * 1000L;
  // Inserts in flight (and clocks a little apart) must land after the anchor's moment.
  static final long SKEW_MARGIN_MS = 60 * 1000L;
  private static final int MAX_TENANTS = 100_000;

  private final Storage storage;
  private final Clock clock;
  private final Executor background;
  private final Map<TenantId, Anchor> anchors = new ConcurrentHashMap<>();
  private final Set<TenantId> refreshing = ConcurrentHashMap.newKeySet();

  public ApproximateUserCount(Storage storage, Clock clock, Executor background) {
    this.storage = storage;
    this.clock = clock;
    this.background = background;
  }

  /** What was served: the count and the moment its anchor describes. */
  public record Count(long count, long asOf) {}

  private record Anchor(long count, long asOf, long computedAt) {}

  public Count count(TenantId tenant) {
    Anchor anchor = anchors.get(tenant);
    if (anchor == null) {
      // The first request of a tenant pays for the anchor so that the next ones do not.
      anchor = compute(tenant);
      if (anchors.size() >= MAX_TENANTS) {
        anchors.clear(); // forgetting only costs a recomputation
      }
      anchors.put(tenant, anchor);
    } else if (clock.millis() - anchor.computedAt() >= REFRESH_AFTER_MS) {
      refreshInBackground(tenant);
    }
    long joinedSince =
        storage.userLists().countJoinedAfter(tenant.appId(), tenant.tenantId(), anchor.asOf());
    return new Count(anchor.count() + joinedSince, anchor.asOf());
  }

  private Anchor compute(TenantId tenant) {
    long asOf = clock.millis() - SKEW_MARGIN_MS;
    // Both counts from one transaction, so that every group falls on exactly one side of asOf.
    long before =
        storage.inTransaction(
            tx -> {
              var lists = tx.userLists();
              long all = lists.count(tenant.appId(), tenant.tenantId(), java.util.List.of());
              return all - lists.countJoinedAfter(tenant.appId(), tenant.tenantId(), asOf);
            });
    return new Anchor(before, asOf, clock.millis());
  }

  private void refreshInBackground(TenantId tenant) {
    if (!refreshing.add(tenant)) {
      return; // one recomputation per tenant at a time
    }
    try {
      background.execute(
          () -> {
            try {
              anchors.put(tenant, compute(tenant));
            } catch (RuntimeException e) {
              // The stale anchor goes on serving; the next request tries again.
              log.debug("tenant {}: could not recompute the user count: {}", tenant, e.toString());
            } finally {
              refreshing.remove(tenant);
            }
          });
    } catch (RejectedExecutionException e) {
      refreshing.remove(tenant);
    }
  }
}
