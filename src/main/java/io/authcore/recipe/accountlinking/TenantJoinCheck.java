package io.authcore.recipe.accountlinking;

import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.storage.AccountLinkingStore;
import io.authcore.storage.Stores;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.UserStore.LoginMethod;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether a member of a primary user's group may join one more tenant: not when another user there
 * already has one of the group's emails, phone numbers or third-party logins. The original answers
 * a clash within the same recipe as a duplicate and any other clash as {@code
 * ASSOCIATION_NOT_ALLOWED_ERROR}; for emails only primary users count, for phone numbers and
 * third-party logins any user does. Run it in a transaction that took the app's linking lock.
 */
public final class TenantJoinCheck {
  private TenantJoinCheck() {}

  /**
   * @throws StatusException {@code EMAIL_ALREADY_EXISTS_ERROR}, {@code
   *     PHONE_NUMBER_ALREADY_EXISTS_ERROR}, {@code THIRD_PARTY_USER_ALREADY_EXISTS_ERROR} or {@code
   *     ASSOCIATION_NOT_ALLOWED_ERROR}
   */
  public static void check(Stores tx, String appId, String tenantId, AuthUser group) {
    if (!group.isPrimaryUser()) {
      return;
    }
    Kind email =
        new Kind(
            true,
            LoginMethod::email,
            AccountLinkingStore::groupsWithEmail,
            Status.EMAIL_ALREADY_EXISTS_ERROR,
            "Another primary user with email already exists: ");
    Kind phone =
        new Kind(
            false,
            LoginMethod::phoneNumber,
            AccountLinkingStore::groupsWithPhoneNumber,
            Status.PHONE_NUMBER_ALREADY_EXISTS_ERROR,
            "Another primary user with phone number already exists: ");
    Kind thirdParty =
        new Kind(
            false,
            m -> m.thirdPartyId() == null ? null : m.thirdPartyId() + "::" + m.thirdPartyUserId(),
            TenantJoinCheck::groupsWithThirdParty,
            Status.THIRD_PARTY_USER_ALREADY_EXISTS_ERROR,
            "Another primary user with third party info already exists: ");
    for (Kind kind : List.of(email, phone, thirdParty)) {
      for (String value : valuesOf(group, kind)) {
        for (String candidateId : kind.holders().find(tx.accountLinking(), appId, value)) {
          if (candidateId.equals(group.id())) {
            continue;
          }
          Optional<AuthUser> candidate = tx.users().find(appId, candidateId);
          if (candidate.isEmpty()
              || (kind.onlyPrimaryUsers() && !candidate.get().isPrimaryUser())
              || !PrimaryUserHolders.tenantsOf(candidate.get()).contains(tenantId)) {
            continue;
          }
          throw clash(kind, value, candidate.get(), group, tenantId);
        }
      }
    }
  }

  private record Kind(
      boolean onlyPrimaryUsers,
      Function<LoginMethod, String> value,
      Lookup holders,
      Status duplicate,
      String reason) {}

  /** The groups with a login method of this value anywhere in the app. */
  private interface Lookup {
    Set<String> find(AccountLinkingStore store, String appId, String value);
  }

  private static Set<String> valuesOf(AuthUser group, Kind kind) {
    Set<String> values = new HashSet<>();
    for (LoginMethod m : group.loginMethods()) {
      String v = kind.value().apply(m);
      if (v != null) {
        values.add(v);
      }
    }
    return values;
  }

  private static Set<String> groupsWithThirdParty(
      AccountLinkingStore store, String appId, String value) {
    int split = value.indexOf("::");
    return store.groupsWithThirdParty(appId, value.substring(0, split), value.substring(split + 2));
  }

  /** The same recipe with the same value in the tenant is a duplicate; anything else a refusal. */
  private static StatusException clash(
      Kind kind, String value, AuthUser candidate, AuthUser group, String tenantId) {
    for (LoginMethod theirs : candidate.loginMethods()) {
      if (!theirs.tenantIds().contains(tenantId) || !value.equals(kind.value().apply(theirs))) {
        continue;
      }
      for (LoginMethod ours : group.loginMethods()) {
        if (ours.recipeId().equals(theirs.recipeId())
            && Objects.equals(value, kind.value().apply(ours))) {
          return new StatusException(kind.duplicate());
        }
      }
    }
    return new StatusException(
        Status.ASSOCIATION_NOT_ALLOWED_ERROR, Map.of("reason", kind.reason() + candidate.id()));
  }
}
