package io.authcore.recipe.accountlinking;

import io.authcore.storage.Stores;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.UserStore.LoginMethod;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which primary user holds an email, phone number or third-party login in a tenant, by the
 * original's rule: a primary user holds it there when one of its login methods has it and one of
 * its login methods (not necessarily the same) belongs to the tenant. Read inside the transaction
 * that took the app's linking lock, so that the answer stays true until that transaction ends.
 */
public final class PrimaryUserHolders {
  private final Stores tx;
  private final String appId;
  private final Map<String, Optional<AuthUser>> groups = new HashMap<>();

  public PrimaryUserHolders(Stores tx, String appId) {
    this.tx = tx;
    this.appId = appId;
  }

  /** What kind of account information a holder was found for. */
  public enum Info {
    EMAIL,
    PHONE_NUMBER,
    THIRD_PARTY
  }

  /** A primary user that holds an account info, and which kind. */
  public record Holder(AuthUser user, Info info) {}

  /**
   * The first primary user other than {@code except} (a primary user id, or null) holding one of
   * the login method's infos in one of the tenants; tenants in turn, and in each email, then phone
   * number, then third-party login, as the original checks.
   */
  public Optional<Holder> of(LoginMethod method, Set<String> tenantIds, String except) {
    for (String tenantId : tenantIds) {
      if (method.email() != null) {
        Optional<AuthUser> u =
            holding(tx.accountLinking().groupsWithEmail(appId, method.email()), tenantId, except);
        if (u.isPresent()) {
          return Optional.of(new Holder(u.get(), Info.EMAIL));
        }
      }
      if (method.phoneNumber() != null) {
        Optional<AuthUser> u =
            holding(
                tx.accountLinking().groupsWithPhoneNumber(appId, method.phoneNumber()),
                tenantId,
                except);
        if (u.isPresent()) {
          return Optional.of(new Holder(u.get(), Info.PHONE_NUMBER));
        }
      }
      if (method.thirdPartyId() != null) {
        Optional<AuthUser> u =
            holding(
                tx.accountLinking()
                    .groupsWithThirdParty(appId, method.thirdPartyId(), method.thirdPartyUserId()),
                tenantId,
                except);
        if (u.isPresent()) {
          return Optional.of(new Holder(u.get(), Info.THIRD_PARTY));
        }
      }
    }
    return Optional.empty();
  }

  /** The first primary user other than {@code except} holding this email in one of the tenants. */
  public Optional<AuthUser> ofEmail(String email, Set<String> tenantIds, String except) {
    return firstHolding(tx.accountLinking().groupsWithEmail(appId, email), tenantIds, except);
  }

  /**
   * The first primary user other than {@code except} holding this phone number in one of the
   * tenants.
   */
  public Optional<AuthUser> ofPhoneNumber(
      String phoneNumber, Set<String> tenantIds, String except) {
    return firstHolding(
        tx.accountLinking().groupsWithPhoneNumber(appId, phoneNumber), tenantIds, except);
  }

  private Optional<AuthUser> firstHolding(
      Set<String> candidates, Set<String> tenantIds, String except) {
    for (String tenantId : tenantIds) {
      Optional<AuthUser> u = holding(candidates, tenantId, except);
      if (u.isPresent()) {
        return u;
      }
    }
    return Optional.empty();
  }

  private Optional<AuthUser> holding(Set<String> groupIds, String tenantId, String except) {
    for (String id : groupIds) {
      if (id.equals(except)) {
        continue;
      }
      Optional<AuthUser> group = groups.computeIfAbsent(id, g -> tx.users().find(appId, g));
      if (group.isPresent()
          && group.get().isPrimaryUser()
          && tenantsOf(group.get()).contains(tenantId)) {
        return group;
      }
    }
    return Optional.empty();
  }

  /** Every tenant one of the group's login methods belongs to, in the original's set order. */
  public static Set<String> tenantsOf(AuthUser group) {
    Set<String> tenants = new HashSet<>();
    group.loginMethods().forEach(m -> tenants.addAll(m.tenantIds()));
    return tenants;
  }
}
