package io.authcore.recipe.useridmapping;

import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.UserIdMappingStore.Mapping;
import io.authcore.storage.Violation;
import io.authcore.storage.Violation.Kind;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * User-id mappings, with the original's rules: an external id names one user of the app, is not
 * itself a SuperTokens id, and a user whose id other recipes already use cannot be mapped unless
 * forced (email verification alone moves along to the new id).
 */
public final class UserIdMappingService {
  private final Storage storage;
  private final Clock clock;

  public UserIdMappingService(Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /**
   * @throws StatusException {@code USER_ID_MAPPING_ALREADY_EXISTS_ERROR} or {@code
   *     UNKNOWN_SUPERTOKENS_USER_ID_ERROR}
   * @param moveVerifiedEmails when the SuperTokens id is used by email verification only, move its
   *     verified emails to the external id instead of refusing
   * @throws MappingRefusedException with the original's 400 text
   */
  public void create(
      String appId,
      String superTokensId,
      String externalId,
      String info,
      boolean force,
      boolean moveVerifiedEmails) {
    Optional<Mapping> taken = storage.userIdMappings().byExternalId(appId, externalId);
    if (taken.isPresent()) {
      throw alreadyExists(taken.get().superTokensUserId().equals(superTokensId), true);
    }
    if (!isSuperTokensUser(appId, superTokensId)) {
      throw new StatusException(Status.UNKNOWN_SUPERTOKENS_USER_ID_ERROR);
    }
    boolean moveVerification = false;
    if (!force) {
      if (isSuperTokensUser(appId, externalId)) {
        throw new MappingRefusedException(
            "Cannot create a userId mapping where the externalId is also a SuperTokens userID");
      }
      List<String> used = storage.userData().recipesUsing(appId, superTokensId, clock.millis());
      moveVerification = moveVerifiedEmails && used.equals(List.of("EmailVerification"));
      if (!used.isEmpty() && !moveVerification) {
        throw inUse(used);
      }
    }
    if (storage.userIdMappings().bySuperTokensId(appId, superTokensId).isPresent()) {
      throw alreadyExists(true, false);
    }
    boolean move = moveVerification;
    try {
      storage.runInTransaction(
          tx -> {
            if (move) {
              // The SDK verifies emails under the id it knows; it will know the external one now.
              tx.emailVerification().moveUserId(appId, superTokensId, externalId);
            }
            tx.userIdMappings().insert(new Mapping(appId, superTokensId, externalId, info));
          });
    } catch (StorageException e) {
      throw e.violation().map(UserIdMappingService::outcome).orElseThrow(() -> e);
    }
  }

  /** A mapping that another request wrote first, as the original reports it. */
  private static StatusException outcome(Violation v) {
    if (v.kind() == Kind.FOREIGN_KEY) {
      return new StatusException(Status.UNKNOWN_SUPERTOKENS_USER_ID_ERROR);
    }
    return switch (v.constraint()) {
      case "userid_mapping_supertokens_user_id_key" -> alreadyExists(true, false);
      case "userid_mapping_external_user_id_key" -> alreadyExists(false, true);
      default -> alreadyExists(true, true);
    };
  }

  private static StatusException alreadyExists(
      boolean superTokensIdExists, boolean externalExists) {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("doesSuperTokensUserIdExist", superTokensIdExists);
    extras.put("doesExternalUserIdExist", externalExists);
    return new StatusException(Status.USER_ID_MAPPING_ALREADY_EXISTS_ERROR, extras);
  }

  private static MappingRefusedException inUse(List<String> recipes) {
    return new MappingRefusedException("UserId is already in use in " + recipes.get(0) + " recipe");
  }

  public Optional<Mapping> find(String appId, String userId, UserIdType type) {
    return switch (type) {
      case SUPERTOKENS -> storage.userIdMappings().bySuperTokensId(appId, userId);
      case EXTERNAL -> storage.userIdMappings().byExternalId(appId, userId);
      case ANY -> {
        List<Mapping> found = storage.userIdMappings().byEitherId(appId, userId);
        // Both kinds match only when an external id is also a SuperTokens id: prefer the latter.
        yield found.stream()
            .filter(m -> found.size() == 1 || m.superTokensUserId().equals(userId))
            .findFirst();
      }
    };
  }

  /**
   * Deletes the mapping of {@code userId}; false when there was none.
   *
   * @throws MappingRefusedException when, unforced, other recipes use the external id
   */
  public boolean delete(String appId, String userId, UserIdType type, boolean force) {
    if (type == UserIdType.SUPERTOKENS && !isSuperTokensUser(appId, userId)) {
      return false;
    }
    Mapping mapping = find(appId, userId, UserIdType.ANY).orElse(null);
    if (mapping == null || (type == UserIdType.EXTERNAL && find(appId, userId, type).isEmpty())) {
      return false;
    }
    var mappings = storage.userIdMappings();
    if (isSuperTokensUser(appId, mapping.externalUserId())) {
      // Both ids are SuperTokens users: nothing else was keyed by the external one.
      return mappings.deleteBySuperTokensId(appId, mapping.superTokensUserId());
    }
    if (!force) {
      List<String> used =
          storage.userData().recipesUsing(appId, mapping.externalUserId(), clock.millis());
      if (!used.isEmpty()) {
        throw inUse(used);
      }
    }
    return bySuperTokensId(appId, userId, type)
        ? mappings.deleteBySuperTokensId(appId, userId)
        : mappings.deleteByExternalId(appId, userId);
  }

  /** Sets or (with null) clears the external info; false when there is no such mapping. */
  public boolean updateInfo(String appId, String userId, UserIdType type, String info) {
    return bySuperTokensId(appId, userId, type)
        ? storage.userIdMappings().updateInfoBySuperTokensId(appId, userId, info)
        : storage.userIdMappings().updateInfoByExternalId(appId, userId, info);
  }

  /** Whether {@code userId} of this type is to be taken as a SuperTokens id. */
  private boolean bySuperTokensId(String appId, String userId, UserIdType type) {
    return switch (type) {
      case SUPERTOKENS -> true;
      case EXTERNAL -> false;
      case ANY -> isSuperTokensUser(appId, userId);
    };
  }

  private boolean isSuperTokensUser(String appId, String userId) {
    return storage.accountIds().primaryUserOf(appId, userId).isPresent();
  }
}
