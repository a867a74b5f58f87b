package io.authcore.storage;

import io.authcore.tenancy.TenantConfig;
import io.authcore.tenancy.TenantId;
import java.util.List;

/**
 * Apps and tenants: their configuration ({@code tenant_configs} with its factors and third-party
 * providers, the only tables that also know the connection-URI domain) and their data rows ({@code
 * apps}, {@code tenants}, which every data table references with ON DELETE CASCADE). The public app
 * and tenant of the default domain always exist once storage has started.
 */
public interface TenantStore {
  /** Every tenant of every app and connection-URI domain. */
  List<TenantId> all();

  /** True when the app's public tenant exists in its connection-URI domain. */
  boolean appExists(TenantId app);

  boolean tenantExists(TenantId tenant);

  /** Every tenant's configuration, ordered by connection-URI domain, app and tenant id. */
  List<TenantConfig> configs();

  /**
   * Stores a tenant's configuration, replacing the one it had, and creates its app and tenant rows
   * when they are missing. Run it in a transaction.
   *
   * @return true when the tenant did not exist before
   */
  boolean save(TenantConfig config, long now);

  /**
   * Deletes a tenant's configuration and, unless another connection-URI domain still names them,
   * its tenant row (or, for a public tenant, its app row) and with it all of its data. Run it in a
   * transaction.
   *
   * @return whether the tenant's configuration existed
   */
  boolean delete(TenantId tenant);

  /** What became of a request to add a recipe user to a tenant. */
  enum Association {
    ADDED,
    ALREADY_ASSOCIATED,
    UNKNOWN_USER,
    EMAIL_ALREADY_EXISTS,
    PHONE_NUMBER_ALREADY_EXISTS,
    THIRD_PARTY_USER_ALREADY_EXISTS
  }

  /**
   * Lets a recipe user (a SuperTokens id) sign in to one more tenant of its app, unless the tenant
   * already has a user of the same recipe with its email, phone number or third-party identity. Run
   * it in a transaction.
   */
  Association addUser(TenantId tenant, String recipeUserId);

  /**
   * Takes a user out of a tenant: its login there (the recipe user stays in the app) and what the
   * original removes with it, its sessions, email-verification tokens, roles and used TOTP codes in
   * that tenant, which are kept under the id the app sees ({@code nonAuthUserId}: the external id
   * when the user has one). Run it in a transaction.
   *
   * @return whether anything was removed
   */
  boolean removeUser(TenantId tenant, String recipeUserId, String nonAuthUserId);

  /** True when this SuperTokens id is a recipe user of the app. */
  boolean isAuthUser(String appId, String userId);

  /** True when a recipe without logins (sessions, metadata, roles, ...) knows this user id. */
  boolean usedByNonAuthRecipe(String appId, String userId);

  /**
   * When each user of the app that was active since {@code since} was last active ({@code
   * user_last_active}), for the usage figures the license endpoints report.
   */
  List<Long> lastActiveTimes(String appId, long since);
}
