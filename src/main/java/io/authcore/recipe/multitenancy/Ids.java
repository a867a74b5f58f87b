package io.authcore.recipe.multitenancy;

import io.authcore.http.HttpError;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The original's normalisation and validation of app ids, tenant ids and domains (400s). */
final class Ids {
  private static final Set<String> RESERVED_TENANT_IDS =
      Set.of("recipe", "config", "users", "hello");
  private static final Pattern ID = Pattern.compile("^[a-z0-9-]+$");
  private static final Pattern HOSTNAME = Pattern.compile("^[a-z0-9-]+(\\.[a-z0-9-]+)*(:[0-9]+)?$");
  private static final Pattern IP =
      Pattern.compile(
          "^(([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\\.){3}"
              + "([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])(:[0-9]+)?$");

  private Ids() {}

  static String appId(String given) {
    String appId = given.trim().toLowerCase(Locale.ROOT);
    if (appId.isEmpty()) {
      throw HttpError.badRequest("appId should not be an empty String");
    }
    if (appId.startsWith("appid-")) {
      throw HttpError.badRequest("appId must not start with 'appid-'");
    }
    if (!ID.matcher(appId).matches()) {
      throw HttpError.badRequest("appId can only contain letters, numbers and hyphens");
    }
    return appId;
  }

  static String tenantId(String given) {
    String tenantId = given.trim().toLowerCase(Locale.ROOT);
    if (tenantId.isEmpty()) {
      throw HttpError.badRequest("tenantId should not be an empty String");
    }
    if (RESERVED_TENANT_IDS.contains(tenantId)) {
      throw HttpError.badRequest("Cannot use '" + tenantId + "' as a tenantId");
    }
    if (tenantId.startsWith("appid-")) {
      throw HttpError.badRequest("tenantId must not start with 'appid-'");
    }
    if (!ID.matcher(tenantId).matches()) {
      throw HttpError.badRequest("tenantId can only contain letters, numbers and hyphens");
    }
    return tenantId;
  }

  /** A host name or IPv4 address, lower case; a port is accepted and dropped. */
  static String connectionUriDomain(String given) {
    String domain = given.trim().toLowerCase(Locale.ROOT);
    if (domain.isEmpty()) {
      throw HttpError.badRequest("connectionUriDomain should not be an empty String");
    }
    if (!HOSTNAME.matcher(domain).matches() && !IP.matcher(domain).matches()) {
      throw HttpError.badRequest("connectionUriDomain is invalid");
    }
    try {
      URL url = new URL("http://" + domain);
      if (!url.getPath().isEmpty()) {
        throw HttpError.badRequest("connectionUriDomain is invalid");
      }
      return url.getHost();
    } catch (MalformedURLException e) {
      throw HttpError.badRequest("connectionUriDomain is invalid");
    }
  }
}
