package io.authcore.recipe.multitenancy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.config.ConfigException;
import io.authcore.config.CoreConfig;
import io.authcore.config.TenantOverrides;
import io.authcore.recipe.accountlinking.TenantJoinCheck;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.StoredTenants;
import io.authcore.storage.TenantStore.Association;
import io.authcore.storage.Violation;
import io.authcore.tenancy.TenantConfig;
import io.authcore.tenancy.TenantId;
import io.authcore.tenancy.ThirdPartyProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Creates, changes and removes connection-URI domains, apps and tenants, and moves users between
 * tenants, with the original's permission rules, validation and messages. Every feature the
 * original sells a license for is enabled, so nothing here answers 402.
 */
public final class MultitenancyService {
  private final Storage storage;
  private final StoredTenants tenants;
  private final CoreConfig base;
  private final Clock clock;
  private final Consumer<String> onNewApp;

  /**
   * @param onNewApp called with the id of each app created here, after it was stored (to make its
   *     signing keys)
   */
  public MultitenancyService(
      Storage storage,
      StoredTenants tenants,
      CoreConfig base,
      Clock clock,
      Consumer<String> onNewApp) {
    this.storage = storage;
    this.tenants = tenants;
    this.base = base;
    this.clock = clock;
    this.onNewApp = onNewApp;
  }

  // ---- reading

  public Optional<TenantConfig> find(TenantId tenant) {
    Optional<TenantConfig> found = tenants.find(tenant);
    if (found.isEmpty() && tenants.tenantExists(tenant)) {
      found = tenants.find(tenant); // created by another core since the last reload
    }
    return found;
  }

  /** The tenants of one app, the public one first. */
  public List<TenantConfig> tenantsOf(TenantId app) {
    tenants.refresh();
    return publicFirst(tenants.all().stream().filter(t -> sameApp(t.id(), app)).toList());
  }

  /** Every tenant of one connection-URI domain, the public app and tenants first. */
  public List<TenantConfig> tenantsOfDomain(String connectionUriDomain) {
    tenants.refresh();
    return publicFirst(
        tenants.all().stream()
            .filter(t -> t.id().connectionUriDomain().equals(connectionUriDomain))
            .toList());
  }

  /** Every tenant, the default domain first. */
  public List<TenantConfig> allTenants() {
    tenants.refresh();
    return publicFirst(tenants.all());
  }

  private static List<TenantConfig> publicFirst(List<TenantConfig> list) {
    List<TenantConfig> result = new ArrayList<>(list);
    result.sort(
        (a, b) -> {
          int order = a.id().connectionUriDomain().compareTo(b.id().connectionUriDomain());
          if (order == 0) {
            order = Boolean.compare(!a.id().isPublicApp(), !b.id().isPublicApp());
          }
          if (order == 0) {
            order = a.id().appId().compareTo(b.id().appId());
          }
          if (order == 0) {
            order = Boolean.compare(!a.id().isPublicTenant(), !b.id().isPublicTenant());
          }
          return order != 0 ? order : a.id().tenantId().compareTo(b.id().tenantId());
        });
    return result;
  }

  private static boolean sameApp(TenantId a, TenantId b) {
    return a.connectionUriDomain().equals(b.connectionUriDomain()) && a.appId().equals(b.appId());
  }

  // ---- creating and changing

  /**
   * Creates the target or changes it (the v2 and v1 APIs), as asked from {@code source}.
   *
   * @return true when the target was created
   */
  public boolean createOrUpdate(TenantId source, TenantId target, TenantUpdate change) {
    Optional<TenantConfig> existing = find(target);
    TenantConfig config = existing.orElseGet(() -> change.newTenant(target));
    String onlyDomain = base.string("supertokens_saas_load_only_cud");
    if (onlyDomain != null
        && !target.connectionUriDomain().isEmpty()
        && !target.connectionUriDomain().equals(onlyDomain)) {
      throw MultitenancyException.badRequest(
          "Creation of connection uri domain or app or tenant is disallowed");
    }
    config = change.applyTo(config);
    TenantChange.checkFactorNames(config);
    checkPermissions(source, target);
    save(config, true);
    return existing.isEmpty();
  }

  /** Adds or replaces one third-party provider of a tenant; true when it was added. */
  public boolean putProvider(TenantId tenant, ThirdPartyProvider provider, boolean skipValidation) {
    TenantConfig config = find(tenant).orElseThrow(() -> new TenantNotFound(tenant));
    List<ThirdPartyProvider> providers = new ArrayList<>();
    boolean found = false;
    for (ThirdPartyProvider p : config.providers()) {
      if (p.thirdPartyId().equals(provider.thirdPartyId())) {
        providers.add(provider);
        found = true;
      } else {
        providers.add(p);
      }
    }
    if (!found) {
      providers.add(provider);
    }
    save(config.withProviders(providers), !skipValidation);
    return !found;
  }

  /** Removes one third-party provider of a tenant; true when it had one of that id. */
  public boolean removeProvider(TenantId tenant, String thirdPartyId) {
    TenantConfig config = find(tenant).orElseThrow(() -> new TenantNotFound(tenant));
    List<ThirdPartyProvider> providers =
        config.providers().stream().filter(p -> !p.thirdPartyId().equals(thirdPartyId)).toList();
    save(config.withProviders(providers), true);
    return providers.size() != config.providers().size();
  }

  /** The tenant a provider was asked for does not exist (any more). */
  public static final class TenantNotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient TenantId tenant;

    TenantNotFound(TenantId tenant) {
      super(tenant.toString(), null, false, false);
      this.tenant = tenant;
    }

    public TenantId tenant() {
      return tenant;
    }
  }

  private void checkPermissions(TenantId source, TenantId target) {
    if (!target.isPublicTenant()) {
      if (!source.isPublicTenant() && !source.tenantId().equals(target.tenantId())) {
        throw MultitenancyException.forbidden(
            "You must use the public or same tenant to add/update a tenant");
      }
      if (!sameApp(source, target)) {
        throw MultitenancyException.forbidden(
            "You must use the same app to create/update a tenant");
      }
    } else if (!target.isPublicApp()) {
      if (!source.isPublicTenant()
          || (!source.isPublicApp() && !source.appId().equals(target.appId()))) {
        throw MultitenancyException.forbidden(
            "You must use the public or same app to add/update an app");
      }
      if (!source.connectionUriDomain().equals(target.connectionUriDomain())) {
        throw MultitenancyException.forbidden(
            "You must use the same connection URI domain to create/update an app");
      }
    } else if (!target.connectionUriDomain().isEmpty()) {
      if (!source.equals(TenantId.BASE)
          && !source.connectionUriDomain().equals(target.connectionUriDomain())) {
        throw MultitenancyException.forbidden(
            "You must use the default or same connectionUriDomain to create/update a"
                + " connectionUriDomain");
      }
    }
  }

  private void save(TenantConfig config, boolean validateProviders) {
    validate(config, validateProviders);
    boolean newApp = !tenants.appIds().contains(config.id().appId());
    try {
      storage.inTransaction(tx -> tx.tenants().save(config, clock.millis()));
    } catch (StorageException e) {
      // Two requests created the same tenant at once: the second one now finds it and replaces it.
      if (e.violation().map(v -> v.kind() == Violation.Kind.UNIQUE).orElse(false)) {
        storage.inTransaction(tx -> tx.tenants().save(config, clock.millis()));
      } else {
        throw e;
      }
    }
    tenants.refresh();
    if (newApp) {
      onNewApp.accept(config.id().appId());
    }
  }

  /** The original's checks of a tenant's configuration before it is stored, in its order. */
  private void validate(TenantConfig config, boolean validateProviders) {
    TenantId id = config.id();
    ObjectNode coreConfig = config.coreConfig();
    if (id.equals(TenantId.BASE) && !coreConfig.isEmpty()) {
      throw MultitenancyException.badRequest("Cannot modify base config");
    }
    try {
      TenantOverrides.checkKeys(coreConfig, base.usesPostgres());
      CoreConfig effective = effectiveWith(config, id);
      if (base.usesPostgres()) {
        TenantOverrides.checkSameDatabase(effective, base);
      }
      for (TenantConfig other : tenants.all()) {
        if (sameApp(other.id(), id) && !other.id().equals(id)) {
          Optional<String> conflict =
              TenantOverrides.appLevelConflict(effectiveWith(config, other.id()), effective);
          if (conflict.isPresent()) {
            throw new ConfigException(TenantOverrides.conflictMessage(conflict.get()));
          }
        }
      }
      TenantOverrides.checkNoYamlOnlyKeys(coreConfig);
    } catch (ConfigException e) {
      throw MultitenancyException.badRequest("Invalid core config: " + e.getMessage());
    }
    if (validateProviders) {
      ProviderChecks.check(config.providers());
    }
  }

  /**
   * The configuration {@code tenant} would have with {@code changed} stored. Other tenants of the
   * app are worked out afresh too, so an app setting changed on the public tenant is not held
   * against tenants that merely inherit the old value.
   */
  private CoreConfig effectiveWith(TenantConfig changed, TenantId tenant) {
    List<JsonNode> layers = new ArrayList<>();
    for (TenantId layer : StoredTenants.layersOf(tenant)) {
      if (layer.equals(changed.id())) {
        layers.add(changed.coreConfig());
      } else {
        layers.add(tenants.find(layer).map(TenantConfig::coreConfig).orElse(null));
      }
    }
    return TenantOverrides.resolve(base, layers);
  }

  // ---- removing

  /** Removes a tenant and its data; true when it existed. */
  public boolean deleteTenant(TenantId tenant) {
    boolean existed = storage.inTransaction(tx -> tx.tenants().delete(tenant));
    tenants.refresh();
    return existed;
  }

  /** Removes an app (its public tenant must be its last one) and its data. */
  public boolean deleteApp(TenantId app) {
    if (tenantsOf(app).size() > 1) {
      throw MultitenancyException.forbidden(
          "Please delete all tenants except the public tenant for this app before calling the"
              + " delete API");
    }
    return deleteTenant(app.appLevel());
  }

  /** Removes a connection-URI domain (its public app must be its last one). */
  public boolean deleteConnectionUriDomain(String connectionUriDomain) {
    List<TenantConfig> ofDomain = tenantsOfDomain(connectionUriDomain);
    if (ofDomain.stream().map(t -> t.id().appId()).distinct().count() > 1) {
      throw MultitenancyException.forbidden(
          "Please delete all apps except the public appID for this connectionUriDomain before"
              + " calling the delete API.");
    }
    boolean existed =
        storage.inTransaction(
            tx -> {
              boolean any = false;
              for (TenantConfig t : ofDomain) {
                any |= tx.tenants().delete(t.id());
              }
              return any;
            });
    tenants.refresh();
    return existed;
  }

  // ---- users

  /** The outcome of associating a user with a tenant. */
  public enum Associated {
    ADDED,
    ALREADY_ASSOCIATED,
    UNKNOWN_USER,
    EMAIL_ALREADY_EXISTS,
    PHONE_NUMBER_ALREADY_EXISTS,
    THIRD_PARTY_USER_ALREADY_EXISTS
  }

  /**
   * Lets a recipe user, named by its SuperTokens or external id, sign in to {@code tenant}.
   *
   * @throws io.authcore.recipe.StatusException when the user is in a primary user's group whose
   *     account info another user holds in the tenant (see {@link TenantJoinCheck})
   */
  public Associated associate(TenantId tenant, String userId) {
    String appId = tenant.appId();
    String recipeUserId = superTokensId(appId, userId);
    Association result =
        storage.inTransaction(
            tx -> {
              tx.accountLinking().lockApp(appId);
              tx.users()
                  .find(appId, recipeUserId)
                  .ifPresent(group -> TenantJoinCheck.check(tx, appId, tenant.tenantId(), group));
              return tx.tenants().addUser(tenant, recipeUserId);
            });
    return Associated.valueOf(result.name());
  }

  /**
   * Takes a user out of a tenant.
   *
   * @return empty when no recipe knows the user, else whether anything was removed
   */
  public Optional<Boolean> disassociate(TenantId tenant, String userId) {
    String appId = tenant.appId();
    String recipeUserId = superTokensId(appId, userId);
    boolean known =
        storage.tenants().isAuthUser(appId, recipeUserId)
            || storage.tenants().usedByNonAuthRecipe(appId, userId);
    if (!known) {
      return Optional.empty();
    }
    String nonAuthUserId = storage.accountIds().externalIdOf(appId, recipeUserId).orElse(userId);
    return Optional.of(
        storage.inTransaction(tx -> tx.tenants().removeUser(tenant, recipeUserId, nonAuthUserId)));
  }

  private String superTokensId(String appId, String userId) {
    if (storage.tenants().isAuthUser(appId, userId)) {
      return userId;
    }
    return storage.accountIds().superTokensIdOf(appId, userId).orElse(userId);
  }
}
