package io.authcore.recipe;

import io.authcore.http.CdiVersion;
import io.authcore.http.HttpError;
import io.authcore.tenancy.TenantConfig;
import java.util.List;
import java.util.Set;

/**
 * Whether a login recipe answers on a tenant, as clients before CDI 5.1 were told: a tenant's
 * recipe switch (the v1 {@code emailPasswordEnabled}, ...) and its first factors could turn it off.
 * From 5.1 on every recipe answers everywhere and the SDK enforces the factors.
 */
public final class LoginRecipeGate {
  public static final LoginRecipeGate EMAIL_PASSWORD =
      new LoginRecipeGate(
          TenantConfig::emailPasswordEnabled,
          Set.of("emailpassword"),
          "Email password login not enabled for tenant");
  public static final LoginRecipeGate THIRD_PARTY =
      new LoginRecipeGate(
          TenantConfig::thirdPartyEnabled,
          Set.of("thirdparty"),
          "ThirdParty login not enabled for tenant");
  public static final LoginRecipeGate PASSWORDLESS =
      new LoginRecipeGate(
          TenantConfig::passwordlessEnabled,
          Set.of("otp-email", "otp-phone", "link-email", "link-phone"),
          "Passwordless login not enabled for tenant");

  private final Switch recipeSwitch;
  private final Set<String> factorIds;
  private final String refusal;

  private LoginRecipeGate(Switch recipeSwitch, Set<String> factorIds, String refusal) {
    this.recipeSwitch = recipeSwitch;
    this.factorIds = factorIds;
    this.refusal = refusal;
  }

  /** The recipe switch a tenant's stored configuration has. */
  @FunctionalInterface
  private interface Switch {
    boolean on(TenantConfig config);
  }

  /**
   * @throws HttpError the original's 403 when the recipe is off for this tenant at this version
   */
  public void check(TenantConfig config, CdiVersion cdi) {
    if (!allows(config, cdi)) {
      throw HttpError.forbidden(refusal);
    }
  }

  boolean allows(TenantConfig config, CdiVersion cdi) {
    return cdi.atLeast(CdiVersion.V5_1) || enabledAsShownAt(config, cdi);
  }

  /**
   * The recipe's {@code enabled} flag as the deprecated (v1) tenant endpoints show it: from the
   * switch and the first factors, read as 5.0 read them from then on.
   */
  public boolean enabledAsShownAt(TenantConfig config, CdiVersion cdi) {
    return cdi.atLeast(CdiVersion.V5_0)
        ? enabledUnlessNoFactor(config)
        : enabledByItsFactor(config);
  }

  /** Before 5.0: the switch is on and the first factors, when set, name this recipe. */
  public boolean enabledByItsFactor(TenantConfig config) {
    List<String> first = config.firstFactors();
    return recipeSwitch.on(config)
        && (first == null || first.stream().anyMatch(factorIds::contains));
  }

  /** From 5.0: the switch is on and the first factors, when set, allow anything at all. */
  public boolean enabledUnlessNoFactor(TenantConfig config) {
    List<String> first = config.firstFactors();
    return recipeSwitch.on(config) && (first == null || !first.isEmpty());
  }

  /** The first factors that stand for this recipe. */
  public Set<String> factorIds() {
    return factorIds;
  }
}
