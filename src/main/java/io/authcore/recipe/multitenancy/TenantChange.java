package io.authcore.recipe.multitenancy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.tenancy.TenantConfig;
import io.authcore.tenancy.TenantId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a v2 create-or-update request asks to change, and how the original applies it.
 *
 * @param coreConfig keys to merge into the tenant's coreConfig (null values remove), or null
 * @param firstFactors the new first factors (null allows every factor) when {@code hasFirstFactors}
 * @param requiredSecondaryFactors the new required factors when {@code hasRequiredSecondaryFactors}
 */
public record TenantChange(
    ObjectNode coreConfig,
    boolean hasFirstFactors,
    List<String> firstFactors,
    boolean hasRequiredSecondaryFactors,
    List<String> requiredSecondaryFactors)
    implements TenantUpdate {

  private static final Pattern FACTOR = Pattern.compile("^[0-9a-zA-Z_(\\.)-]+$");
  private static final List<String> PASSWORDLESS =
      List.of("otp-phone", "otp-email", "link-phone", "link-email");

  /** A tenant the v2 API is about to create: everything enabled; a new tenant allows no factor. */
  @Override
  public TenantConfig newTenant(TenantId id) {
    if (id.isPublicTenant()) {
      return TenantConfig.everythingEnabled(id);
    }
    return new TenantConfig(id, true, true, true, List.of(), null, List.of(), null);
  }

  @Override
  public TenantConfig applyTo(TenantConfig config) {
    if (coreConfig != null) {
      config = config.withCoreConfig(merge(config.coreConfig(), coreConfig));
    }
    if (hasFirstFactors || hasRequiredSecondaryFactors) {
      List<String> first = config.firstFactors();
      if (first == null) {
        // v2 keeps every recipe switch on and says with the factors what the switches said.
        Set<String> allowed = new LinkedHashSet<>();
        if (config.emailPasswordEnabled()) {
          allowed.add("emailpassword");
        }
        if (config.thirdPartyEnabled()) {
          allowed.add("thirdparty");
        }
        if (config.passwordlessEnabled()) {
          allowed.addAll(PASSWORDLESS);
        }
        first = allowed.size() == 6 ? null : new ArrayList<>(allowed);
      }
      config =
          new TenantConfig(
              config.id(),
              true,
              true,
              true,
              hasFirstFactors ? firstFactors : first,
              hasRequiredSecondaryFactors
                  ? requiredSecondaryFactors
                  : config.requiredSecondaryFactors(),
              config.providers(),
              config.coreConfig());
    }
    return config;
  }

  /** Keys set to null are removed when present, and kept as null when absent, as the original. */
  static ObjectNode merge(ObjectNode existing, ObjectNode update) {
    ObjectNode result = existing.deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = update.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull() && result.has(e.getKey())) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    return result;
  }

  /** The original checks the names only after applying the change. */
  static void checkFactorNames(TenantConfig config) {
    if (!valid(config.firstFactors())) {
      throw MultitenancyException.badRequest(
          "firstFactors should contain only 0-9,a-z,A-Z,_,.,- characters");
    }
    if (!valid(config.requiredSecondaryFactors())) {
      throw MultitenancyException.badRequest(
          "requiredSecondaryFactors should contain only 0-9,a-z,A-Z,_,.,- characters");
    }
  }

  private static boolean valid(List<String> factors) {
    return factors == null
        || factors.stream().allMatch(f -> f == null || FACTOR.matcher(f).matches());
  }
}
