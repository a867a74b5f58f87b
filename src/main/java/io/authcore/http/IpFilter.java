package io.authcore.http;

import io.authcore.config.CoreConfig;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code ip_allow_regex} and {@code ip_deny_regex} with the rules of Tomcat's {@code
 * RemoteAddrFilter}, which the original uses: the whole address must match; a matching deny wins;
 * with an allow pattern only matching addresses pass; with only a deny pattern every other address
 * passes. The address is the socket's peer, never a forwarded header, as in the original.
 */
final class IpFilter {
  // The patterns come from config, so there are only ever a few; compiling once keeps the check
  // to two matches per request.
  private final Map<String, Pattern> compiled = new ConcurrentHashMap<>();

  boolean allows(CoreConfig config, InetAddress peer) {
    String allow = pattern(config, "ip_allow_regex");
    String deny = pattern(config, "ip_deny_regex");
    if (allow == null && deny == null) {
      return true;
    }
    String address = peer.getHostAddress();
    if (deny != null && compiled(deny).matcher(address).matches()) {
      return false;
    }
    return allow == null || compiled(allow).matcher(address).matches();
  }

  private static String pattern(CoreConfig config, String key) {
    String value = config.string(key);
    return value == null || value.isBlank() ? null : value;
  }

  private Pattern compiled(String regex) {
    return compiled.computeIfAbsent(regex, Pattern::compile);
  }
}
