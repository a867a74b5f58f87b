package io.authcore.recipe.multitenancy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.recipe.LoginRecipeGate;
import io.authcore.tenancy.TenantConfig;
import io.authcore.tenancy.TenantId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a deprecated v1 create-or-update request (supertokens-node 15 to 18) asks, and how the
 * original stores it in the v2 model: the recipe switches it sends become first factors, so that
 * the v1 and the v2 reads both show what the original shows. Clients before 5.0 send only the
 * switches; from 5.0 the factors too, under other rules.
 *
 * @param coreConfig keys to merge into the tenant's coreConfig, or null
 * @param switches the recipe switches sent (absent ones are left alone)
 * @param withFactors the 5.0 rules (factors accepted, a new tenant allows every factor)
 * @param factors the factors a 5.0 client sent, or null before 5.0
 */
record LegacyTenantChange(
    ObjectNode coreConfig, Map<Recipe, Boolean> switches, boolean withFactors, Factors factors)
    implements TenantUpdate {

  /** The first and required secondary factors a 5.0 client sent; a null list clears them. */
  record Factors(
      boolean hasFirst, List<String> first, boolean hasRequired, List<String> required) {}

  /** A login recipe: its v1 switch, the factors that stand for it, its name in the 400 texts. */
  enum Recipe {
    EMAIL_PASSWORD(
        "emailPasswordEnabled", "emailPassword", LoginRecipeGate.EMAIL_PASSWORD, "emailpassword"),
    THIRD_PARTY("thirdPartyEnabled", "thirdParty", LoginRecipeGate.THIRD_PARTY, "thirdparty"),
    PASSWORDLESS(
        "passwordlessEnabled",
        "passwordless",
        LoginRecipeGate.PASSWORDLESS,
        "otp-phone",
        "otp-email",
        "link-phone",
        "link-email");

    final String field;
    final String label;
    final LoginRecipeGate gate;
    final List<String> factorIds;

    Recipe(String field, String label, LoginRecipeGate gate, String... factorIds) {
      this.field = field;
      this.label = label;
      this.gate = gate;
      this.factorIds = List.of(factorIds);
    }

    boolean switchOf(TenantConfig c) {
      return switch (this) {
        case EMAIL_PASSWORD -> c.emailPasswordEnabled();
        case THIRD_PARTY -> c.thirdPartyEnabled();
        case PASSWORDLESS -> c.passwordlessEnabled();
      };
    }

    TenantConfig withSwitch(TenantConfig c, boolean on) {
      return new TenantConfig(
          c.id(),
          this == EMAIL_PASSWORD ? on : c.emailPasswordEnabled(),
          this == THIRD_PARTY ? on : c.thirdPartyEnabled(),
          this == PASSWORDLESS ? on : c.passwordlessEnabled(),
          c.firstFactors(),
          c.requiredSecondaryFactors(),
          c.providers(),
          c.coreConfig());
    }

    static Recipe of(String factor) {
      for (Recipe r : values()) {
        if (r.factorIds.contains(factor)) {
          return r;
        }
      }
      return null;
    }
  }

  private static final List<String> ALL_FACTORS =
      List.of("emailpassword", "thirdparty", "otp-phone", "otp-email", "link-phone", "link-email");

  LegacyTenantChange {
    switches = switches.isEmpty() ? new EnumMap<>(Recipe.class) : new EnumMap<>(switches);
    if (factors != null) {
      checkConflicts(switches, factors);
    }
  }

  private Boolean asked(Recipe r) {
    return switches.get(r);
  }

  /**
   * A tenant the v1 API is about to create: every recipe off; before 5.0 also no factor, from 5.0
   * no factor list. An app's or domain's public tenant has everything on.
   */
  @Override
  public TenantConfig newTenant(TenantId id) {
    if (id.isPublicTenant()) {
      return TenantConfig.everythingEnabled(id);
    }
    return new TenantConfig(
        id, false, false, false, withFactors ? null : List.of(), null, List.of(), null);
  }

  @Override
  public TenantConfig applyTo(TenantConfig config) {
    if (coreConfig != null) {
      config = config.withCoreConfig(TenantChange.merge(config.coreConfig(), coreConfig));
    }
    return withFactors ? apply5_0(config) : applyBefore5_0(config);
  }

  /** Before 5.0 a switch turned on names its factors; one turned off removes them. */
  private TenantConfig applyBefore5_0(TenantConfig config) {
    Set<String> first = config.firstFactors() == null ? null : new LinkedHashSet<>();
    if (first != null) {
      first.addAll(config.firstFactors());
    }
    TenantConfig stored = config;
    for (Recipe r : Recipe.values()) {
      if (Boolean.TRUE.equals(asked(r)) && !r.gate.enabledByItsFactor(stored)) {
        config = r.withSwitch(config, true);
        if (first != null) {
          first.addAll(r.factorIds);
        }
      }
    }
    boolean disabling = false;
    for (Recipe r : Recipe.values()) {
      disabling |= !r.switchOf(config) || Boolean.FALSE.equals(asked(r));
    }
    if (first == null && disabling) {
      // The switches stood for the first factors: start from all of them and remove.
      first = new LinkedHashSet<>(ALL_FACTORS);
    }
    for (Recipe r : Recipe.values()) {
      if (!r.switchOf(config) || Boolean.FALSE.equals(asked(r))) {
        r.factorIds.forEach(first::remove);
      }
    }
    return withFactors(
        config, first == null ? null : new ArrayList<>(first), config.requiredSecondaryFactors());
  }

  /**
   * The 400s of a 5.0 request whose factors name a recipe it turns off, in the original's order.
   */
  private static void checkConflicts(Map<Recipe, Boolean> switches, Factors factors) {
    for (Recipe r : Recipe.values()) {
      if (Boolean.FALSE.equals(switches.get(r))) {
        refuseNamed(r, "firstFactors", factors.first());
        refuseNamed(r, "requiredSecondaryFactors", factors.required());
      }
    }
  }

  private static void refuseNamed(Recipe r, String field, List<String> factors) {
    for (String f : r.factorIds) {
      if (factors != null && factors.contains(f)) {
        throw MultitenancyException.badRequest(
            "Invalid core config: "
                + field
                + " should not contain '"
                + f
                + "' because "
                + r.label
                + " is disabled for the tenant.");
      }
    }
  }

  /**
   * From 5.0: switches and factors are set as sent; a switch turned off leaves the factors that
   * stood for it; a factor named turns its recipe on; a required factor of a recipe that was off,
   * on a tenant without a factor list, writes the list of what stays on.
   */
  private TenantConfig apply5_0(TenantConfig config) {
    TenantConfig before = reopenedIfNothingAllowed(config);
    Map<Recipe, Boolean> newSwitches = new EnumMap<>(Recipe.class);
    newSwitches.putAll(switches);
    Assigned first = new Assigned();
    Assigned required = new Assigned();
    if (switches.containsValue(Boolean.FALSE)) {
      if (before.firstFactors() != null && !factors.hasFirst()) {
        first.setIfShrunk(before.firstFactors(), withoutDisabled(before.firstFactors()));
      }
      if (before.requiredSecondaryFactors() != null && !factors.hasRequired()) {
        required.setIfShrunk(
            before.requiredSecondaryFactors(), withoutDisabled(before.requiredSecondaryFactors()));
      }
    }
    if (factors.hasFirst()) {
      first.set(factors.first());
      for (Recipe r : recipesNamed(factors.first())) {
        if (!r.gate.enabledUnlessNoFactor(before)) {
          newSwitches.putIfAbsent(r, true);
        }
      }
    }
    if (factors.hasRequired()) {
      required.set(factors.required());
      for (Recipe r : recipesNamed(factors.required())) {
        if (r.gate.enabledUnlessNoFactor(before)) {
          continue;
        }
        newSwitches.putIfAbsent(r, true);
        if (!Boolean.TRUE.equals(asked(r))
            && !factors.hasFirst()
            && before.firstFactors() == null) {
          Set<String> stayOn = stayingOn(before);
          if (stayOn.size() < ALL_FACTORS.size()) {
            first.set(new ArrayList<>(stayOn));
          }
        }
      }
    }
    config = before;
    for (Map.Entry<Recipe, Boolean> e : newSwitches.entrySet()) {
      config = e.getKey().withSwitch(config, e.getValue());
    }
    config =
        withFactors(
            config,
            first.or(config.firstFactors()),
            required.or(config.requiredSecondaryFactors()));
    // A factor in either list turns its recipe on.
    List<Recipe> named = new ArrayList<>(recipesNamed(config.firstFactors()));
    named.addAll(recipesNamed(config.requiredSecondaryFactors()));
    for (Recipe r : named) {
      config = r.withSwitch(config, true);
    }
    return config;
  }

  /** A list the request sets (the first setting wins, null included) or leaves alone. */
  private static final class Assigned {
    private boolean set;
    private List<String> value;

    void set(List<String> newValue) {
      if (!set) {
        set = true;
        value = newValue;
      }
    }

    void setIfShrunk(List<String> old, Set<String> remaining) {
      if (!remaining.equals(new HashSet<>(old))) {
        set(new ArrayList<>(remaining));
      }
    }

    List<String> or(List<String> current) {
      return set ? value : current;
    }
  }

  /** A recipe turned on where the factor list allowed nothing starts over without a list. */
  private TenantConfig reopenedIfNothingAllowed(TenantConfig config) {
    boolean enabling = false;
    for (Recipe r : Recipe.values()) {
      enabling |= Boolean.TRUE.equals(asked(r)) && !r.gate.enabledUnlessNoFactor(config);
    }
    if (!enabling || config.firstFactors() == null || !config.firstFactors().isEmpty()) {
      return config;
    }
    TenantConfig off = config;
    for (Recipe r : Recipe.values()) {
      off = r.withSwitch(off, false);
    }
    return withFactors(off, null, off.requiredSecondaryFactors());
  }

  /** The factors of the recipes on before the request and not turned off by it, or turned on. */
  private Set<String> stayingOn(TenantConfig before) {
    Set<String> stayOn = new LinkedHashSet<>();
    for (Recipe r : Recipe.values()) {
      if ((r.switchOf(before) || Boolean.TRUE.equals(asked(r)))
          && !Boolean.FALSE.equals(asked(r))) {
        stayOn.addAll(r.factorIds);
      }
    }
    return stayOn;
  }

  private Set<String> withoutDisabled(List<String> factors) {
    Set<String> remaining = new LinkedHashSet<>(factors);
    for (Recipe r : Recipe.values()) {
      if (Boolean.FALSE.equals(asked(r))) {
        r.factorIds.forEach(remaining::remove);
      }
    }
    return remaining;
  }

  /** The recipe of each factor of the list that stands for one (the list may be null). */
  private static List<Recipe> recipesNamed(List<String> factors) {
    List<Recipe> out = new ArrayList<>();
    if (factors != null) {
      for (String f : factors) {
        Recipe r = Recipe.of(f);
        if (r != null) {
          out.add(r);
        }
      }
    }
    return out;
  }

  private static TenantConfig withFactors(
      TenantConfig c, List<String> first, List<String> required) {
    return new TenantConfig(
        c.id(),
        c.emailPasswordEnabled(),
        c.thirdPartyEnabled(),
        c.passwordlessEnabled(),
        first,
        required,
        c.providers(),
        c.coreConfig());
  }
}
