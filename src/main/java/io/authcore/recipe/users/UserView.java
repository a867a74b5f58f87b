package io.authcore.recipe.users;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Json;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.UserStore.LoginMethod;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The CDI 5.4 user object, in the original's key order. Every endpoint that returns a user builds
 * it here; mapped users show their external ids.
 */
public final class UserView {
  private UserView() {}

  public static ObjectNode of(AuthUser user) {
    Set<String> tenants = new LinkedHashSet<>();
    Set<String> emails = new LinkedHashSet<>();
    Set<String> phones = new LinkedHashSet<>();
    Set<String> thirdParties = new LinkedHashSet<>();
    Set<String> credentials = new LinkedHashSet<>();
    long timeJoined = Long.MAX_VALUE;
    ArrayNode thirdParty = Json.MAPPER.createArrayNode();
    ArrayNode methods = Json.MAPPER.createArrayNode();
    for (LoginMethod m : user.loginMethods()) {
      tenants.addAll(m.tenantIds());
      timeJoined = Math.min(timeJoined, m.timeJoined());
      if (m.email() != null) {
        emails.add(m.email());
      }
      if (m.phoneNumber() != null) {
        phones.add(m.phoneNumber());
      }
      if (m.thirdPartyId() != null
          && thirdParties.add(m.thirdPartyId() + "\u0000" + m.thirdPartyUserId())) {
        thirdParty.add(thirdParty(m));
      }
      if (m.webauthnCredentialIds() != null) {
        credentials.addAll(m.webauthnCredentialIds());
      }
      methods.add(loginMethod(m));
    }
    ObjectNode out = Json.object();
    out.put("id", user.externalId() != null ? user.externalId() : user.id());
    out.put("isPrimaryUser", user.isPrimaryUser());
    strings(out.putArray("tenantIds"), tenants);
    out.put("timeJoined", timeJoined);
    strings(out.putArray("emails"), emails);
    strings(out.putArray("phoneNumbers"), phones);
    out.set("thirdParty", thirdParty);
    strings(out.putObject("webauthn").putArray("credentialIds"), credentials);
    out.set("loginMethods", methods);
    return out;
  }

  /** The id a login method shows: its external id when it has one. */
  public static String shownId(LoginMethod method) {
    return method.externalId() != null ? method.externalId() : method.recipeUserId();
  }

  private static ObjectNode loginMethod(LoginMethod m) {
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
    if (m.webauthnCredentialIds() != null) {
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
