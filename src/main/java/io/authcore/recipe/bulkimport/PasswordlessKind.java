package io.authcore.recipe.bulkimport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.recipe.users.PhoneNumbers;
import io.authcore.storage.PasswordlessStore;
import io.authcore.storage.UserImportStore;
import io.authcore.storage.UserImportStore.PasswordlessUser;
import io.authcore.storage.UserStore.LoginMethod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An email, a phone number or both, signed in with one-time codes. */
final class PasswordlessKind implements LoginMethodKind {
  private static final String SUFFIX = " for a passwordless recipe.";
  private static final String EMAIL = "email";
  private static final String PHONE_NUMBER = "phoneNumber";

  @Override
  public String recipeId() {
    return "passwordless";
  }

  @Override
  public Map<String, String> read(ObjectNode json, List<String> errors, ImportRules rules) {
    FieldReader in = new FieldReader(json, errors, SUFFIX);
    String email = Normalise.email(in.string(EMAIL, false), errors);
    String phoneNumber =
        PhoneNumbers.normalise(
            Normalise.atMost(PHONE_NUMBER, in.string(PHONE_NUMBER, false), 256, errors));
    if (email == null && phoneNumber == null) {
      errors.add("Either email or phoneNumber is required" + SUFFIX);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(EMAIL, email);
    fields.put(PHONE_NUMBER, phoneNumber);
    fields.values().removeIf(java.util.Objects::isNull);
    return fields;
  }

  @Override
  public void describe(ImportedLoginMethod m, ObjectNode out) {
    // Both keys, null when absent, as the original shows them.
    out.put(EMAIL, m.email());
    out.put(PHONE_NUMBER, m.field(PHONE_NUMBER));
  }

  @Override
  public LoginMethod accountInfo(ImportedLoginMethod m) {
    return LoginMethodKind.info(m, m.field(PHONE_NUMBER), null, null);
  }

  @Override
  public List<Claim> claims(ImportedLoginMethod m) {
    List<Claim> claims = new ArrayList<>();
    if (m.email() != null) {
      claims.add(
          new Claim(
              EMAIL,
              m.email(),
              PasswordlessStore.EMAIL_KEY,
              "E006: A user with email "
                  + m.email()
                  + " already exists in passwordless loginMethod.",
              LoginMethodKind.emailInTenant(m)));
    }
    String phone = m.field(PHONE_NUMBER);
    if (phone != null) {
      claims.add(
          new Claim(
              PHONE_NUMBER,
              phone,
              PasswordlessStore.PHONE_NUMBER_KEY,
              "E007: A user with phoneNumber "
                  + phone
                  + " already exists in passwordless loginMethod.",
              tenant ->
                  "E015: We tried to add the userId "
                      + m.superTokensUserId()
                      + " to the tenantId "
                      + tenant
                      + " but another user with phoneNumber "
                      + phone
                      + " already exists."));
    }
    return claims;
  }

  @Override
  public Set<String> held(
      UserImportStore store,
      String appId,
      String tenantId,
      String type,
      Collection<String> values) {
    return type.equals(EMAIL)
        ? store.passwordlessEmails(appId, tenantId, values)
        : store.passwordlessPhoneNumbers(appId, tenantId, values);
  }

  @Override
  public void write(UserImportStore store, String appId, List<ImportedLoginMethod> methods) {
    store.insertPasswordlessUsers(
        appId,
        methods.stream()
            .map(
                m ->
                    new PasswordlessUser(
                        m.superTokensUserId(),
                        m.tenantIds(),
                        m.email(),
                        m.field(PHONE_NUMBER),
                        m.timeJoined()))
            .toList());
  }
}
