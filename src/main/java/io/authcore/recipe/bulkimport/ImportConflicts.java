package io.authcore.recipe.bulkimport;

import io.authcore.recipe.accountlinking.PrimaryUserHolders;
import io.authcore.recipe.bulkimport.LoginMethodKind.Claim;
import io.authcore.storage.Stores;
import io.authcore.storage.UserStore.LoginMethod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, inside the import's transaction and before anything is written, the users of a batch that
 * the database or the account-linking rules would refuse, with the original's error for each: an
 * email, phone number or third-party login another user of a tenant has ({@code E003} to {@code
 * E016}), account information another primary user holds ({@code E022}, {@code E027}), an external
 * id that is taken ({@code E030}, {@code E031}). Users earlier in the batch count as there already.
 */
final class ImportConflicts {
  private final Stores tx;
  private final String appId;

  ImportConflicts(Stores tx, String appId) {
    this.tx = tx;
    this.appId = appId;
  }

  /** The reason each refused user (by id) is refused; the others can be written. */
  Map<String, String> find(List<ImportedUser> users) {
    Map<String, String> refused = new LinkedHashMap<>();
    Set<String> held = heldAlready(users);
    Set<String> externalTaken =
        new HashSet<>(tx.userImport().mappedExternalIds(appId, externalIds(users)));
    Set<String> externalAsUserIds = tx.userImport().existingUserIds(appId, externalIds(users));
    Set<String> primaryHeld = new HashSet<>();
    PrimaryUserHolders holders = new PrimaryUserHolders(tx, appId);
    for (ImportedUser user : users) {
      Optional<String> reason =
          claimConflict(user, held)
              .or(() -> linkingConflict(user, holders, primaryHeld))
              .or(() -> externalIdConflict(user, externalTaken, externalAsUserIds));
      if (reason.isPresent()) {
        refused.put(user.id(), reason.get());
        continue;
      }
      // Written: what it holds now counts as held for the users after it.
      forEachClaim(user, (m, c, tenant) -> held.add(key(m, c.type(), tenant, c.value())));
      if (user.isPrimaryUser()) {
        primaryHeld.addAll(primaryKeys(user));
      }
      if (user.externalUserId() != null) {
        externalTaken.add(user.externalUserId());
      }
    }
    return refused;
  }

  private Set<String> heldAlready(List<ImportedUser> users) {
    // By kind, claim type and tenant: each looked up in one query on the tenant's unique key.
    Map<List<String>, Set<String>> values = new LinkedHashMap<>();
    for (ImportedUser user : users) {
      forEachClaim(
          user,
          (m, c, tenant) ->
              values
                  .computeIfAbsent(List.of(m.recipeId(), c.type(), tenant), k -> new HashSet<>())
                  .add(c.value()));
    }
    Set<String> held = new HashSet<>();
    values.forEach(
        (key, wanted) -> {
          LoginMethodKind kind = LoginMethodKinds.find(key.get(0)).orElseThrow();
          for (String value : kind.held(tx.userImport(), appId, key.get(2), key.get(1), wanted)) {
            held.add(key(key.get(0), key.get(1), key.get(2), value));
          }
        });
    return held;
  }

  private static Optional<String> claimConflict(ImportedUser user, Set<String> held) {
    Set<String> own = new HashSet<>();
    for (LoginMethodKind kind : LoginMethodKinds.all()) {
      for (ImportedLoginMethod m : user.loginMethods()) {
        if (!m.recipeId().equals(kind.recipeId())) {
          continue;
        }
        for (Claim c : kind.claims(m)) {
          List<String> scopes = c.scopes(m);
          for (int i = 0; i < scopes.size(); i++) {
            String tenant = scopes.get(i);
            String key = key(m, c.type(), tenant, c.value());
            if (held.contains(key) || !own.add(key)) {
              return Optional.of(i == 0 ? c.takenError() : c.takenInTenantError().apply(tenant));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A primary user's account information must be its alone among the primary users of each of its
   * tenants: the primary login method's in its own tenants, the others' in all the group's.
   */
  private static Optional<String> linkingConflict(
      ImportedUser user, PrimaryUserHolders holders, Set<String> primaryHeld) {
    if (!user.isPrimaryUser()) {
      return Optional.empty();
    }
    ImportedLoginMethod primary = user.primary();
    Set<String> groupTenants = new HashSet<>();
    user.loginMethods().forEach(m -> groupTenants.addAll(m.tenantIds()));
    for (ImportedLoginMethod m : user.loginMethods()) {
      boolean isPrimary = m == primary;
      LoginMethod info = LoginMethodKinds.of(m).accountInfo(m);
      Set<String> tenants = isPrimary ? Set.copyOf(m.tenantIds()) : groupTenants;
      boolean heldInBatch = accountKeys(info, tenants).stream().anyMatch(primaryHeld::contains);
      if (heldInBatch || holders.of(info, tenants, null).isPresent()) {
        return Optional.of(
            isPrimary
                ? "E022: We tried to create the primary user for the userId "
                    + m.superTokensUserId()
                    + " but the account info is already associated with another primary user."
                : "E027: We tried to link the userId "
                    + m.superTokensUserId()
                    + " to the primary userId "
                    + primary.superTokensUserId()
                    + " but the account info is already associated with another primary user.");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> externalIdConflict(
      ImportedUser user, Set<String> taken, Set<String> userIds) {
    String external = user.externalUserId();
    if (external == null) {
      return Optional.empty();
    }
    if (taken.contains(external)) {
      return Optional.of("E031: A user with externalId " + external + " already exists");
    }
    if (userIds.contains(external)) {
      return Optional.of(
          "E030: Cannot create a userId mapping where the externalId is also a SuperTokens"
              + " userID");
    }
    return Optional.empty();
  }

  private static Set<String> primaryKeys(ImportedUser user) {
    Set<String> tenants = new HashSet<>();
    user.loginMethods().forEach(m -> tenants.addAll(m.tenantIds()));
    Set<String> keys = new HashSet<>();
    for (ImportedLoginMethod m : user.loginMethods()) {
      keys.addAll(accountKeys(LoginMethodKinds.of(m).accountInfo(m), tenants));
    }
    return keys;
  }

  private static List<String> accountKeys(LoginMethod info, Set<String> tenants) {
    List<String> keys = new ArrayList<>();
    for (String tenant : tenants) {
      if (info.email() != null) {
        keys.add(tenant + "\nemail\n" + info.email());
      }
      if (info.phoneNumber() != null) {
        keys.add(tenant + "\nphone\n" + info.phoneNumber());
      }
      if (info.thirdPartyId() != null) {
        keys.add(tenant + "\ntp\n" + info.thirdPartyId() + "\n" + info.thirdPartyUserId());
      }
    }
    return keys;
  }

  private static List<String> externalIds(List<ImportedUser> users) {
    return users.stream()
        .map(ImportedUser::externalUserId)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  @FunctionalInterface
  private interface ClaimVisitor {
    void visit(ImportedLoginMethod method, Claim claim, String tenantId);
  }

  private static void forEachClaim(ImportedUser user, ClaimVisitor visitor) {
    for (ImportedLoginMethod m : user.loginMethods()) {
      for (Claim c : LoginMethodKinds.of(m).claims(m)) {
        c.scopes(m).forEach(tenant -> visitor.visit(m, c, tenant));
      }
    }
  }

  private static String key(ImportedLoginMethod m, String type, String tenant, String value) {
    return key(m.recipeId(), type, tenant, value);
  }

  private static String key(String recipeId, String type, String tenant, String value) {
    return recipeId + "\n" + type + "\n" + tenant + "\n" + value;
  }
}
