package io.authcore.recipe;

import io.authcore.http.Call;
import io.authcore.tenancy.TenantConfigs;

/**
 * The address of the end user behind a request, for the per-client abuse limits. The core only sees
 * its caller, the backend, so the address is known only when {@code abuse_client_ip_header} names a
 * header the backend sets (with supertokens-node, through {@code networkInterceptor}); a list such
 * as {@code X-Forwarded-For} gives its first entry.
 */
public final class ClientAddress {
  /** Longer than any IPv6 text form; a longer value is cut, so a key stays small. */
  private static final int MAX_LENGTH = 64;

  private ClientAddress() {}

  /** The address, or null when none is configured or sent. */
  public static String of(Call call, TenantConfigs configs) {
    String header = configs.appConfig(call.tenant().appId()).string("abuse_client_ip_header");
    if (header == null || header.isBlank()) {
      return null;
    }
    return call.header(header.trim())
        .map(value -> value.split(",", 2)[0].trim())
        .filter(first -> !first.isEmpty())
        .map(first -> first.length() > MAX_LENGTH ? first.substring(0, MAX_LENGTH) : first)
        .orElse(null);
  }
}
