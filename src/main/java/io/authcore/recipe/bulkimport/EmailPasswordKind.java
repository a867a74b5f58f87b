package io.authcore.recipe.bulkimport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.password.HashingAlgorithm;
import io.authcore.crypto.password.PasswordHasher;
import io.authcore.recipe.emailpassword.AppPasswords;
import io.authcore.storage.UserImportStore;
import io.authcore.storage.UserImportStore.EmailPasswordUser;
import io.authcore.storage.UserStore.LoginMethod;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An email and a password: a hash in one of the supported formats (checked, never computed again)
 * or a plain-text password, hashed with the app's algorithm when the user is imported.
 */
final class EmailPasswordKind implements LoginMethodKind {
  private static final String SUFFIX = " for an emailpassword recipe.";

  @Override
  public String recipeId() {
    return "emailpassword";
  }

  @Override
  public Map<String, String> read(ObjectNode json, List<String> errors, ImportRules rules) {
    FieldReader in = new FieldReader(json, errors, SUFFIX);
    String email = in.string("email", true);
    String hash = in.string("passwordHash", false);
    String algorithm = in.string("hashingAlgorithm", false);
    String plainText = in.string("plainTextPassword", false);
    if ((hash == null || algorithm == null) && plainText == null) {
      errors.add(
          "Either (passwordHash, hashingAlgorithm) or plainTextPassword is required" + SUFFIX);
    }
    email = Normalise.email(email, errors);
    HashingAlgorithm declared = algorithm(algorithm, errors);
    if (declared != null) {
      algorithm = declared.name();
    }
    if (hash != null && (declared != null || (algorithm == null && plainText != null))) {
      // The original checks a hash only with its algorithm; one given without (next to a
      // plain-text password) is checked by its form here, so that no user gets a hash that can
      // never verify.
      if (hash.length() > 256) {
        errors.add("passwordHash is too long. Max length is 256.");
      }
      hash = hash.trim();
      String problem = rules.hashes().problem(hash, declared);
      if (problem != null) {
        errors.add(problem);
      }
    }
    if (plainText != null
        && plainText.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_PASSWORD_BYTES) {
      errors.add(
          "plainTextPassword cannot be longer than "
              + PasswordHasher.MAX_PASSWORD_BYTES
              + " bytes"
              + SUFFIX);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("email", email);
    fields.put("passwordHash", hash);
    fields.put("hashingAlgorithm", algorithm);
    fields.put("plainTextPassword", plainText);
    fields.values().removeIf(java.util.Objects::isNull);
    return fields;
  }

  private static HashingAlgorithm algorithm(String raw, List<String> errors) {
    if (raw == null) {
      return null;
    }
    try {
      return HashingAlgorithm.valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(
          "Invalid hashingAlgorithm for emailpassword recipe. Pass one of bcrypt, argon2 or,"
              + " firebase_scrypt!");
      return null;
    }
  }

  @Override
  public void describe(ImportedLoginMethod method, ObjectNode out) {
    out.put("email", method.email());
  }

  @Override
  public LoginMethod accountInfo(ImportedLoginMethod method) {
    return LoginMethodKind.info(method, null, null, null);
  }

  @Override
  public List<Claim> claims(ImportedLoginMethod m) {
    return List.of(
        new Claim(
            "email",
            m.email(),
            "emailpassword_user_to_tenant_email_key",
            "E003: A user with email "
                + m.email()
                + " already exists in emailpassword loginMethod.",
            LoginMethodKind.emailInTenant(m)));
  }

  @Override
  public Set<String> held(
      UserImportStore store,
      String appId,
      String tenantId,
      String type,
      Collection<String> values) {
    return store.emailPasswordEmails(appId, tenantId, values);
  }

  @Override
  public ImportedLoginMethod prepare(String appId, ImportedLoginMethod m, AppPasswords passwords) {
    String plainText = m.field("plainTextPassword");
    if (m.field("passwordHash") != null || plainText == null) {
      return m;
    }
    return m.with("passwordHash", passwords.hash(appId, plainText));
  }

  @Override
  public void write(UserImportStore store, String appId, List<ImportedLoginMethod> methods) {
    store.insertEmailPasswordUsers(
        appId,
        methods.stream()
            .map(
                m ->
                    new EmailPasswordUser(
                        m.superTokensUserId(),
                        m.tenantIds(),
                        m.email(),
                        m.field("passwordHash"),
                        m.timeJoined()))
            .toList());
  }
}
