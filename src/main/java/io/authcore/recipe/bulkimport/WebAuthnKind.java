package io.authcore.recipe.bulkimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.recipe.webauthn.ImportedPasskeys;
import io.authcore.storage.UserImportStore;
import io.authcore.storage.UserImportStore.WebAuthnUser;
import io.authcore.storage.UserStore.LoginMethod;
import io.authcore.storage.WebAuthnStore;
import io.authcore.storage.WebAuthnStore.Credential;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An email and the passkeys of one relying party, an Authcore extension (the original imports no
 * WebAuthn users). A passkey is what any WebAuthn server keeps of one: the credential id and the
 * COSE_Key public key (both base64url), the signature counter, the transports and when it was
 * registered. The passkeys are kept, checked and normalised, as one JSON field of the method.
 */
final class WebAuthnKind implements LoginMethodKind {
  private static final String SUFFIX = " for a webauthn recipe.";
  private static final String CREDENTIAL = " for a webauthn credential.";
  private static final String EMAIL = "email";
  private static final String RP_ID = "rpId";
  private static final String CREDENTIALS = "credentials";
  private static final String CREDENTIAL_ID = "credentialId";
  private static final String PUBLIC_KEY = "publicKey";
  private static final String COUNTER = "counter";
  private static final String TRANSPORTS = "transports";
  private static final String CREATED_AT = "createdAt";

  /** Authenticators count signatures in 32 bits. */
  private static final long MAX_COUNTER = 0xffffffffL;

  /** The width of {@code webauthn_credentials.id} and {@code rp_id}. */
  private static final int MAX_ID = 256;

  @Override
  public String recipeId() {
    return "webauthn";
  }

  @Override
  public Map<String, String> read(ObjectNode json, List<String> errors, ImportRules rules) {
    FieldReader in = new FieldReader(json, errors, SUFFIX);
    String email = Normalise.email(in.string(EMAIL, true), errors);
    // Not normalised: sign-in finds credentials by the rpId of its options, as given.
    String rpId = Normalise.atMost(RP_ID, in.string(RP_ID, true), MAX_ID, errors);
    ArrayNode given = in.objects(CREDENTIALS, false);
    JsonNode joined = json.get("timeJoinedInMSSinceEpoch");
    long defaultCreatedAt = joined != null && joined.isNumber() ? joined.longValue() : rules.now();
    ArrayNode credentials = RawData.MAPPER.createArrayNode();
    if (given != null) {
      List<String> ids = new ArrayList<>();
      for (JsonNode item : given) {
        ObjectNode c = credential((ObjectNode) item, errors, rules.now(), defaultCreatedAt);
        if (c == null) {
          continue;
        }
        String id = c.get(CREDENTIAL_ID).textValue();
        if (ids.contains(id)) {
          errors.add("credentialId " + id + " is given twice" + SUFFIX);
        }
        ids.add(id);
        credentials.add(c);
      }
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(EMAIL, email);
    fields.put(RP_ID, rpId);
    fields.put(CREDENTIALS, credentials.toString());
    fields.values().removeIf(java.util.Objects::isNull);
    return fields;
  }

  /** One passkey, normalised, or null (with its errors added) when it cannot be imported. */
  private static ObjectNode credential(
      ObjectNode json, List<String> errors, long now, long defaultCreatedAt) {
    int before = errors.size();
    FieldReader in = new FieldReader(json, errors, CREDENTIAL);
    byte[] id = base64url(CREDENTIAL_ID, in.string(CREDENTIAL_ID, true), errors);
    byte[] key = base64url(PUBLIC_KEY, in.string(PUBLIC_KEY, true), errors);
    Long counter = in.longValue(COUNTER);
    ArrayNode transports = in.strings(TRANSPORTS, false);
    Long createdAt = in.longValue(CREATED_AT);
    String credentialId = id == null ? null : encode(id);
    Normalise.atMost(CREDENTIAL_ID, credentialId, MAX_ID, errors);
    if (id != null && key != null) {
      try {
        ImportedPasskeys.check(id, key);
      } catch (ImportedPasskeys.InvalidKeyException e) {
        errors.add(
            "publicKey should be a COSE key a sign-in can verify ("
                + e.getMessage()
                + ")"
                + CREDENTIAL);
      }
    }
    if (counter != null && (counter < 0 || counter > MAX_COUNTER)) {
      errors.add(COUNTER + " should be between 0 and " + MAX_COUNTER + CREDENTIAL);
    }
    if (createdAt != null && createdAt < 0) {
      errors.add(CREATED_AT + " cannot be < 0" + CREDENTIAL);
    }
    if (createdAt != null && createdAt > now) {
      errors.add(CREATED_AT + " cannot be in future" + CREDENTIAL);
    }
    if (errors.size() > before) {
      return null;
    }
    ObjectNode out = RawData.MAPPER.createObjectNode();
    out.put(CREDENTIAL_ID, credentialId);
    out.put(PUBLIC_KEY, encode(key));
    out.put(COUNTER, counter == null ? 0 : counter);
    if (transports != null) {
      out.set(TRANSPORTS, transports);
    }
    out.put(CREATED_AT, createdAt == null ? defaultCreatedAt : createdAt);
    return out;
  }

  private static byte[] base64url(String field, String value, List<String> errors) {
    if (value == null) {
      return null;
    }
    try {
      byte[] bytes = java.util.Base64.getUrlDecoder().decode(value.trim());
      if (bytes.length > 0) {
        return bytes;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    errors.add(field + " should be base64url encoded" + CREDENTIAL);
    return null;
  }

  private static String encode(byte[] bytes) {
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public void store(ImportedLoginMethod m, ObjectNode out) {
    out.put(EMAIL, m.email());
    out.put(RP_ID, m.field(RP_ID));
    out.set(CREDENTIALS, credentials(m));
  }

  @Override
  public void describe(ImportedLoginMethod m, ObjectNode out) {
    out.put(EMAIL, m.email());
    out.put(RP_ID, m.field(RP_ID));
    ArrayNode ids = out.putArray("credentialIds");
    credentials(m).forEach(c -> ids.add(c.get(CREDENTIAL_ID).textValue()));
  }

  @Override
  public LoginMethod accountInfo(ImportedLoginMethod m) {
    return LoginMethodKind.info(m, null, null, null);
  }

  @Override
  public List<Claim> claims(ImportedLoginMethod m) {
    List<Claim> claims = new ArrayList<>();
    // Codes from E101 on are Authcore's: the original's run to E046 and may grow.
    claims.add(
        new Claim(
            EMAIL,
            m.email(),
            WebAuthnStore.EMAIL_KEY,
            "E101: A user with email " + m.email() + " already exists in webauthn loginMethod.",
            LoginMethodKind.emailInTenant(m)));
    String rpId = m.field(RP_ID);
    for (JsonNode c : credentials(m)) {
      String id = c.get(CREDENTIAL_ID).textValue();
      String taken =
          "E102: A credential with credentialId "
              + id
              + " for rpId "
              + rpId
              + " already exists in webauthn loginMethod.";
      claims.add(
          new Claim(
              CREDENTIAL_ID,
              UserImportStore.credentialKey(rpId, id),
              WebAuthnStore.CREDENTIAL_KEY,
              taken,
              tenant -> taken,
              true));
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
        ? store.webAuthnEmails(appId, tenantId, values)
        : store.webAuthnCredentials(appId, values);
  }

  @Override
  public void write(UserImportStore store, String appId, List<ImportedLoginMethod> methods) {
    List<WebAuthnUser> users = new ArrayList<>();
    for (ImportedLoginMethod m : methods) {
      String rpId = m.field(RP_ID);
      List<Credential> credentials = new ArrayList<>();
      for (JsonNode c : credentials(m)) {
        long createdAt = c.get(CREATED_AT).longValue();
        JsonNode transports = c.get(TRANSPORTS);
        credentials.add(
            new Credential(
                c.get(CREDENTIAL_ID).textValue(),
                rpId,
                m.superTokensUserId(),
                c.get(COUNTER).longValue(),
                attestedData(c),
                transports == null ? "[]" : transports.toString(),
                createdAt,
                createdAt));
      }
      users.add(
          new WebAuthnUser(
              m.superTokensUserId(), m.tenantIds(), m.email(), rpId, m.timeJoined(), credentials));
    }
    store.insertWebAuthnUsers(appId, users);
  }

  /** The stored form of a passkey that {@link #read} accepted. */
  private static byte[] attestedData(JsonNode c) {
    java.util.Base64.Decoder decoder = java.util.Base64.getUrlDecoder();
    return ImportedPasskeys.attestedData(
        decoder.decode(c.get(CREDENTIAL_ID).textValue()),
        decoder.decode(c.get(PUBLIC_KEY).textValue()));
  }

  private static ArrayNode credentials(ImportedLoginMethod m) {
    try {
      return (ArrayNode) RawData.MAPPER.readTree(m.field(CREDENTIALS));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a login method's passkeys are kept as JSON", e);
    }
  }
}
