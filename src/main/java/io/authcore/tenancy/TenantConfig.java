package io.authcore.tenancy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One tenant's stored configuration, as the original's {@code TenantConfig}: which login recipes
 * are enabled (kept for older CDI versions; v2 expresses it with {@code firstFactors}), the
 * factors, the third-party providers and the {@code coreConfig} overrides.
 *
 * @param firstFactors null when every first factor is allowed; empty when none is
 * @param requiredSecondaryFactors null when none is required (never empty)
 */
public record TenantConfig(
    TenantId id,
    boolean emailPasswordEnabled,
    boolean thirdPartyEnabled,
    boolean passwordlessEnabled,
    List<String> firstFactors,
    List<String> requiredSecondaryFactors,
    List<ThirdPartyProvider> providers,
    ObjectNode coreConfig) {

  public TenantConfig {
    firstFactors = firstFactors == null ? null : List.copyOf(firstFactors);
    requiredSecondaryFactors =
        requiredSecondaryFactors == null || requiredSecondaryFactors.isEmpty()
            ? null
            : List.copyOf(requiredSecondaryFactors);
    providers = providers == null ? List.of() : List.copyOf(providers);
    coreConfig = coreConfig == null ? JsonNodeFactory.instance.objectNode() : coreConfig;
  }

  /** What the original stores for the public app and tenant on first start. */
  public static TenantConfig everythingEnabled(TenantId id) {
    return new TenantConfig(id, true, true, true, null, null, List.of(), null);
  }

  public TenantConfig withCoreConfig(ObjectNode newCoreConfig) {
    return new TenantConfig(
        id,
        emailPasswordEnabled,
        thirdPartyEnabled,
        passwordlessEnabled,
        firstFactors,
        requiredSecondaryFactors,
        providers,
        newCoreConfig);
  }

  public TenantConfig withProviders(List<ThirdPartyProvider> newProviders) {
    return new TenantConfig(
        id,
        emailPasswordEnabled,
        thirdPartyEnabled,
        passwordlessEnabled,
        firstFactors,
        requiredSecondaryFactors,
        newProviders,
        coreConfig);
  }
}
