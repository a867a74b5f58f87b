package io.authcore.recipe.users;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.CdiVersion;
import io.authcore.http.Json;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.UserStore.LoginMethod;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The user object as each CDI version shows it, in the original's key order. Every endpoint that
 * returns a user picks its writer here with {@link #at} (or {@link #linkedAt} where the original
 * shows the linked shape at every version); mapped users show their external ids.
 */
public enum UserView {
  /** Below 3.0: the user of one login recipe, as before tenants. */
  PER_RECIPE_WITHOUT_TENANTS,
  /** 3.0 and 3.1: the user of one login recipe (the group's oldest login method). */
  PER_RECIPE,
  /** 4.0 to 5.2: the group with all its login methods; WebAuthn ones bring no credentials. */
  LINKED,
  /** From 5.3: the group with its WebAuthn credentials. */
  LINKED_WITH_WEBAUTHN;

  public static UserView at(CdiVersion cdi) {
    if (cdi.below(CdiVersion.V3_0)) {
      return PER_RECIPE_WITHOUT_TENANTS;
    }
    return cdi.below(CdiVersion.V4_0) ? PER_RECIPE : linkedAt(cdi);
  }

  /** For the endpoints that came with account linking and answer its shape at any version. */
  public static UserView linkedAt(CdiVersion cdi) {
    return cdi.below(CdiVersion.V5_3) ? LINKED : LINKED_WITH_WEBAUTHN;
  }

  public ObjectNode of(AuthUser user) {
    return switch (this) {
      case PER_RECIPE_WITHOUT_TENANTS -> perRecipe(user.loginMethods().get(0), false);
      case PER_RECIPE -> perRecipe(user.loginMethods().get(0), true);
      case LINKED -> linked(user, false);
      case LINKED_WITH_WEBAUTHN -> linked(user, true);
    };
  }

  /** An entry of {@code /users}: before account linking the user came with its recipe id. */
  public ObjectNode listEntry(AuthUser user) {
    if (this == LINKED || this == LINKED_WITH_WEBAUTHN) {
      return of(user);
    }
    ObjectNode out = Json.object();
    out.put("recipeId", user.loginMethods().get(0).recipeId());
    out.set("user", of(user));
    return out;
  }

  /** The id a login method shows: its external id when it has one. */
  public static String shownId(LoginMethod method) {
    return method.externalId() != null ? method.externalId() : method.recipeUserId();
  }

  private static ObjectNode perRecipe(LoginMethod m, boolean withTenants) {
    ObjectNode out = Json.object();
    out.put("id", shownId(m));
    out.put("timeJoined", m.timeJoined());
    if (withTenants) {
      strings(out.putArray("tenantIds"), m.tenantIds());
    }
    switch (m.recipeId()) {
      case "emailpassword" -> out.put("email", m.email());
      case "thirdparty" -> {
        out.put("email", m.email());
        out.set("thirdParty", thirdParty(m));
      }
      case "passwordless" -> {
        if (m.email() != null) {
          out.put("email", m.email());
        }
        if (m.phoneNumber() != null) {
          out.put("phoneNumber", m.phoneNumber());
        }
      }
      // The original fails the same way (a 500): these versions never knew such users.
      default -> throw new IllegalStateException("no user shape for recipe " + m.recipeId());
    }
    return out;
  }

  private static ObjectNode linked(AuthUser user, boolean withWebauthn) {
    // HashSets as in the original: their iteration order is the wire order. A third-party login
    // is keyed by the string the original hashes it by, so that it lands in the same bucket.
    Set<String> tenants = new HashSet<>();
    Set<String> emails = new HashSet<>();
    Set<String> phones = new HashSet<>();
    Map<String, LoginMethod> thirdParties = new HashMap<>();
    Set<String> credentials = new HashSet<>();
    long timeJoined = Long.MAX_VALUE;
    ArrayNode methods = Json.MAPPER.createArrayNode();
    for (LoginMethod m : user.loginMethods()) {
      tenants.addAll(m.tenantIds());
      timeJoined = Math.min(timeJoined, m.timeJoined());
      methods.add(loginMethod(m, withWebauthn));
      // Before 5.3 a WebAuthn login method is listed but adds nothing to the group's sets.
      if (!withWebauthn && m.recipeId().equals("webauthn")) {
        continue;
      }
      if (m.email() != null) {
        emails.add(m.email());
      }
      if (m.phoneNumber() != null) {
        phones.add(m.phoneNumber());
      }
      if (m.thirdPartyId() != null) {
        thirdParties.putIfAbsent(m.thirdPartyId() + "|" + m.thirdPartyUserId(), m);
      }
      if (m.webauthnCredentialIds() != null) {
        credentials.addAll(m.webauthnCredentialIds());
      }
    }
    ObjectNode out = Json.object();
    out.put("id", user.externalId() != null ? user.externalId() : user.id());
    out.put("isPrimaryUser", user.isPrimaryUser());
    strings(out.putArray("tenantIds"), tenants);
    out.put("timeJoined", timeJoined);
    strings(out.putArray("emails"), emails);
    strings(out.putArray("phoneNumbers"), phones);
    ArrayNode thirdParty = out.putArray("thirdParty");
    thirdParties.values().forEach(m -> thirdParty.add(thirdParty(m)));
    if (withWebauthn) {
      strings(out.putObject("webauthn").putArray("credentialIds"), credentials);
    }
    out.set("loginMethods", methods);
    return out;
  }

  private static ObjectNode loginMethod(LoginMethod m, boolean withWebauthn) {
    ObjectNode out = Json.object();
    strings(out.putArray("tenantIds"), m.tenantIds());
    out.put("recipeUserId", shownId(m));
    out.put("verified", m.verified());
    out.put("timeJoined", m.timeJoined());
    out.put("recipeId", m.recipeId());
    if (m.email() != null) {
      out.put("email", m.email());
    }
    if (m.phoneNumber() != null) {
      out.put("phoneNumber", m.phoneNumber());
    }
    if (m.thirdPartyId() != null) {
      out.set("thirdParty", thirdParty(m));
    }
    if (withWebauthn && m.webauthnCredentialIds() != null) {
      strings(out.putObject("webauthn").putArray("credentialIds"), m.webauthnCredentialIds());
    }
    return out;
  }

  private static ObjectNode thirdParty(LoginMethod m) {
    ObjectNode out = Json.object();
    out.put("id", m.thirdPartyId());
    out.put("userId", m.thirdPartyUserId());
    return out;
  }

  private static void strings(ArrayNode array, Iterable<String> values) {
    values.forEach(array::add);
  }
}
