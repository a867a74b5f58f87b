package io.authcore.storage;

import java.util.List;
import java.util.Optional;

/**
 * The {@code userid_mapping} table: one external id per SuperTokens user and one SuperTokens user
 * per external id, within an app.
 */
public interface UserIdMappingStore {
  /**
   * @throws StorageException with the violation {@code userid_mapping_pkey}, {@code
   *     userid_mapping_supertokens_user_id_key} or {@code userid_mapping_external_user_id_key} when
   *     a mapping already holds one of the ids
   */
  void insert(Mapping mapping);

  Optional<Mapping> bySuperTokensId(String appId, String superTokensUserId);

  Optional<Mapping> byExternalId(String appId, String externalUserId);

  /** Mappings where the id is either the SuperTokens or the external one (at most two). */
  List<Mapping> byEitherId(String appId, String userId);

  boolean deleteBySuperTokensId(String appId, String superTokensUserId);

  boolean deleteByExternalId(String appId, String externalUserId);

  /** Sets (or with null clears) the info; false when there is no such mapping. */
  boolean updateInfoBySuperTokensId(String appId, String superTokensUserId, String info);

  boolean updateInfoByExternalId(String appId, String externalUserId, String info);

  /** One mapping; {@code externalUserIdInfo} may be null. */
  record Mapping(
      String appId, String superTokensUserId, String externalUserId, String externalUserIdInfo) {}
}
