package io.authcore.http;

import io.authcore.tenancy.TenantId;

/**
 * An {@link Api} that also implements this hears of every request the pipeline answered (with
 * success or an error), except those it turned away before knowing their CDI version or because an
 * older version cannot name a tenant. It is called on the thread that answered, which may be the
 * I/O thread: it must not block.
 */
public interface RequestObserver {
  void answered(TenantId tenant);
}
