package io.authcore.recipe.users;

import io.authcore.storage.Storage;
import io.authcore.storage.UserListStore.Entry;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.UserStore.LoginMethod;
import io.authcore.tenancy.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Users across the login recipes: lookup by any of their ids, listing, counting. */
public final class UsersService {
  /** The largest page {@code /users} serves. */
  public static final int MAX_PAGE = 500;

  private final Storage storage;

  public UsersService(Storage storage) {
    this.storage = storage;
  }

  /** The user group of this id, which may be a SuperTokens id or an external (mapped) one. */
  public Optional<AuthUser> find(String appId, String userId) {
    return superTokensId(appId, userId).flatMap(id -> storage.users().find(appId, id));
  }

  /**
   * The SuperTokens id that {@code userId} names: itself when it is a recipe or primary user id,
   * else the user it is mapped to as an external id.
   */
  public Optional<String> superTokensId(String appId, String userId) {
    if (storage.accountIds().primaryUserOf(appId, userId).isPresent()) {
      return Optional.of(userId);
    }
    return storage.accountIds().superTokensIdOf(appId, userId);
  }

  /**
   * The deprecated {@code GET /recipe/user?userId} of a login recipe: the user (a SuperTokens or
   * external id) reduced to its login method of that recipe, as the original shows it; empty when
   * the id names no such login method.
   */
  public Optional<AuthUser> asRecipeUser(String appId, String userId, String recipeId) {
    return superTokensId(appId, userId)
        .flatMap(
            id ->
                storage
                    .users()
                    .find(appId, id)
                    .flatMap(
                        group ->
                            group.loginMethods().stream()
                                .filter(m -> m.recipeUserId().equals(id))
                                .filter(m -> m.recipeId().equals(recipeId))
                                .findFirst()
                                .map(
                                    m ->
                                        new AuthUser(
                                            m.recipeUserId(),
                                            m.externalId(),
                                            group.isPrimaryUser(),
                                            List.of(m)))));
  }

  /** One page of groups and where the next page starts (null after the last page). */
  public record Page(List<AuthUser> users, Entry next) {}

  public Page page(
      TenantId tenant, int limit, boolean ascending, Collection<String> recipeIds, Entry from) {
    // One row more than asked says whether another page follows, and where it starts.
    List<Entry> entries =
        storage
            .userLists()
            .page(tenant.appId(), tenant.tenantId(), limit + 1, ascending, recipeIds, from);
    Entry next = entries.size() > limit ? entries.get(limit) : null;
    List<String> ids = entries.stream().limit(limit).map(Entry::primaryUserId).toList();
    return new Page(storage.users().groups(tenant.appId(), ids), next);
  }

  /** Dashboard search: every matching group (no page), see {@code UserListStore#search}. */
  public List<AuthUser> search(
      TenantId tenant,
      List<String> emails,
      List<String> phones,
      List<String> providers,
      boolean ascending) {
    List<String> ids =
        storage
            .userLists()
            .search(tenant.appId(), tenant.tenantId(), emails, phones, providers, ascending);
    return storage.users().groups(tenant.appId(), ids);
  }

  /** Groups in the tenant, or in the whole app when {@code allTenants}. */
  public long count(TenantId tenant, boolean allTenants, Collection<String> recipeIds) {
    return storage
        .userLists()
        .count(tenant.appId(), allTenants ? null : tenant.tenantId(), recipeIds);
  }

  /** What {@code /users/by-accountinfo} asks for; absent parts are null. */
  public record AccountInfo(
      String email,
      String phoneNumber,
      String thirdPartyId,
      String thirdPartyUserId,
      String webauthnCredentialId) {}

  /**
   * Groups of the tenant with any ({@code union}) or all of the given account infos, oldest first.
   */
  public List<AuthUser> byAccountInfo(TenantId tenant, AccountInfo info, boolean union) {
    String app = tenant.appId();
    String tid = tenant.tenantId();
    var lists = storage.userLists();
    Set<String> ids = new LinkedHashSet<>();
    if (info.email() != null) {
      ids.addAll(lists.primaryIdsWithEmail(app, tid, info.email()));
    }
    if (info.phoneNumber() != null) {
      ids.addAll(lists.primaryIdsWithPhoneNumber(app, tid, info.phoneNumber()));
    }
    if (info.thirdPartyId() != null && info.thirdPartyUserId() != null) {
      ids.addAll(
          lists.primaryIdsWithThirdParty(app, tid, info.thirdPartyId(), info.thirdPartyUserId()));
    }
    if (info.webauthnCredentialId() != null) {
      ids.addAll(lists.primaryIdsWithWebauthnCredential(app, info.webauthnCredentialId()));
    }
    List<AuthUser> users = new ArrayList<>(storage.users().groups(app, ids));
    if (!union) {
      users.removeIf(user -> !hasAll(user, info));
    }
    users.sort(Comparator.comparingLong(UsersService::timeJoined));
    return users;
  }

  private static boolean hasAll(AuthUser user, AccountInfo info) {
    boolean email = info.email() == null;
    boolean phone = info.phoneNumber() == null;
    boolean thirdParty = info.thirdPartyId() == null;
    boolean credential = info.webauthnCredentialId() == null;
    for (LoginMethod m : user.loginMethods()) {
      email |= Objects.equals(info.email(), m.email());
      phone |= Objects.equals(info.phoneNumber(), m.phoneNumber());
      thirdParty |=
          Objects.equals(info.thirdPartyId(), m.thirdPartyId())
              && Objects.equals(info.thirdPartyUserId(), m.thirdPartyUserId());
      credential |=
          info.webauthnCredentialId() != null
              && m.webauthnCredentialIds() != null
              && m.webauthnCredentialIds().contains(info.webauthnCredentialId());
    }
    return email && phone && thirdParty && credential;
  }

  static long timeJoined(AuthUser user) {
    return user.loginMethods().stream().mapToLong(LoginMethod::timeJoined).min().orElse(0);
  }
}
