package io.authcore.storage;

import java.util.List;
import java.util.Optional;

/**
 * Third-party users ({@code thirdparty_users}, {@code thirdparty_user_to_tenant}). The pair
 * (thirdPartyId, thirdPartyUserId) names one user per app and tenant; emails are not unique.
 */
public interface ThirdPartyStore {
  /** The constraint that keeps a (thirdPartyId, thirdPartyUserId) pair to one user per tenant. */
  String IDENTITY_KEY = "thirdparty_user_to_tenant_third_party_user_id_key";

  /**
   * Writes a new user as the original does: {@code app_id_to_user_id}, {@code
   * all_auth_recipe_users}, {@code thirdparty_users} and {@code thirdparty_user_to_tenant}. Run it
   * in a transaction.
   *
   * @throws StorageException with the violation {@link #IDENTITY_KEY} when the tenant already has a
   *     user with this pair
   */
  void insertUser(
      String appId,
      String tenantId,
      String userId,
      String thirdPartyId,
      String thirdPartyUserId,
      String email,
      long timeJoined);

  /** The id of the tenant's user with this pair. */
  Optional<String> findUserId(
      String appId, String tenantId, String thirdPartyId, String thirdPartyUserId);

  /** The stored email of a third-party user, if it is one. */
  Optional<String> email(String appId, String userId);

  void updateEmail(String appId, String userId, String email);

  /** The ids of the tenant's third-party users with this email. */
  List<String> userIdsByEmail(String appId, String tenantId, String email);
}
