package io.authcore.recipe.bulkimport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.recipe.emailpassword.AppPasswords;
import io.authcore.storage.UserImportStore;
import io.authcore.storage.UserStore.LoginMethod;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One kind of login method a bulk-imported user may have: how its fields are read, shown, checked
 * against the users already there and written. A new kind is one class more in {@link
 * LoginMethodKinds}.
 */
interface LoginMethodKind {
  String recipeId();

  /**
   * Reads the kind's own fields of one login method, normalised, in the order the original stores
   * them (absent ones left out), adding the original's error texts to {@code errors}.
   */
  Map<String, String> read(ObjectNode json, List<String> errors, ImportRules rules);

  /** The fields the queue's answer shows for such a method, after recipeId, userId and tenants. */
  void describe(ImportedLoginMethod method, ObjectNode out);

  /** The account information a primary user holds through this method. */
  LoginMethod accountInfo(ImportedLoginMethod method);

  /** The values of this method that only one user of a tenant may have. */
  List<Claim> claims(ImportedLoginMethod method);

  /** Which of these values of one claim type users of the tenant hold already. */
  Set<String> held(
      UserImportStore store, String appId, String tenantId, String type, Collection<String> values);

  /** What takes time and must not run inside the import's transaction (hashing a password). */
  default ImportedLoginMethod prepare(String appId, ImportedLoginMethod method, AppPasswords p) {
    return method;
  }

  /**
   * Puts the method's fields into the JSON it is queued as; a field is a string unless its kind
   * stores it otherwise.
   */
  default void store(ImportedLoginMethod method, ObjectNode out) {
    method.fields().forEach(out::put);
  }

  /** Writes the recipe's own rows of these methods (the common ones are written already). */
  void write(UserImportStore store, String appId, List<ImportedLoginMethod> methods);

  /**
   * A value only one user of a tenant may have, the database constraint that says so, and the
   * original's error when the first tenant of the method has it already, and when another of its
   * tenants has it (given that tenant). An {@code appWide} value is one user's in the whole app,
   * whatever its tenants ({@link #held} is then asked with the tenant {@link #APP}).
   */
  record Claim(
      String type,
      String value,
      String constraint,
      String takenError,
      Function<String, String> takenInTenantError,
      boolean appWide) {
    /** The tenant an app-wide claim is held in: no tenant's id is empty. */
    static final String APP = "";

    Claim(
        String type,
        String value,
        String constraint,
        String takenError,
        Function<String, String> takenInTenantError) {
      this(type, value, constraint, takenError, takenInTenantError, false);
    }

    /** The tenants the method holds the value in: its own, or the app as a whole. */
    List<String> scopes(ImportedLoginMethod m) {
      return appWide ? List.of(APP) : m.tenantIds();
    }
  }

  /** The original's E014 for an email another user of a further tenant has. */
  static Function<String, String> emailInTenant(ImportedLoginMethod m) {
    return tenant ->
        "E014: We tried to add the userId "
            + m.superTokensUserId()
            + " to the tenantId "
            + tenant
            + " but another user with email "
            + m.email()
            + " already exists.";
  }

  /** A login method's account information in the record the account-linking checks read. */
  static LoginMethod info(
      ImportedLoginMethod m, String phoneNumber, String thirdPartyId, String thirdPartyUserId) {
    return new LoginMethod(
        m.recipeId(),
        m.superTokensUserId(),
        null,
        Set.copyOf(m.tenantIds()),
        m.timeJoined(),
        m.verified(),
        m.email(),
        phoneNumber,
        thirdPartyId,
        thirdPartyUserId,
        List.of());
  }
}
