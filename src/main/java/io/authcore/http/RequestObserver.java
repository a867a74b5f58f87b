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

  /**
   * Once per request that reached the pipeline, when its answer has been sent, with the status
   * actually sent (error answers included). {@code route} is the registered path the request
   * matched, without tenant prefix or query (never a raw path), or null when it matched none; the
   * time runs from the request's arrival. On the I/O thread: it must not block. The server only
   * times requests when some observer overrides this.
   */
  default void completed(TenantId tenant, String route, String method, int status, long nanos) {}
}
