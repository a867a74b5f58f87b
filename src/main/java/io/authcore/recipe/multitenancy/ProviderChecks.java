package io.authcore.recipe.multitenancy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.tenancy.ThirdPartyProvider;
import io.authcore.tenancy.ThirdPartyProvider.Client;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The checks of a tenant's third-party providers before it is stored, with the original's 400s. */
final class ProviderChecks {
  private ProviderChecks() {}

  /** The original's {@code ThirdParty.verifyThirdPartyProvidersArray}. */
  static void check(List<ThirdPartyProvider> providers) {
    Set<String> ids = new HashSet<>();
    for (ThirdPartyProvider p : providers) {
      if (!ids.add(p.thirdPartyId())) {
        throw invalidProvider("Duplicate ThirdPartyId was specified in the providers list.");
      }
      if (p.thirdPartyId() == null || p.thirdPartyId().isEmpty()) {
        throw invalidProvider("thirdPartyId cannot be null or empty");
      }
      Set<String> clientTypes = new HashSet<>();
      for (Client c : p.clients()) {
        if (!clientTypes.add(Objects.requireNonNullElse(c.clientType(), "\u0000null"))) {
          throw invalidProvider("Duplicate clientType was specified in the clients list.");
        }
        checkClient(c, p.thirdPartyId());
      }
    }
  }

  private static void checkClient(Client c, String thirdPartyId) {
    if (c.clientId() == null) {
      throw invalidProvider("clientId cannot be null");
    }
    if (c.scope() != null && c.scope().contains(null)) {
      throw invalidProvider("scope array cannot contain a null");
    }
    ObjectNode extra = c.additionalConfig();
    if (thirdPartyId.startsWith("apple")) {
      for (String field : List.of("keyId", "teamId", "privateKey")) {
        if (!nonEmptyString(extra, field)) {
          throw invalidProvider(
              "a non empty string value must be specified for keyId, teamId and privateKey in"
                  + " the additionalConfig for Apple provider");
        }
      }
    } else if (thirdPartyId.startsWith("google-workspaces")) {
      if (extra != null && extra.has("hd") && !nonEmptyString(extra, "hd")) {
        throw invalidProvider("hd in additionalConfig must be a non empty string value");
      }
    } else if (thirdPartyId.startsWith("boxy-saml")) {
      if (extra != null && extra.has("boxyURL") && !nonEmptyString(extra, "boxyURL")) {
        throw invalidProvider(
            "a non empty string value must be specified for boxyURL in the additionalConfig for"
                + " Boxy SAML provider");
      }
    }
  }

  private static boolean nonEmptyString(ObjectNode node, String field) {
    return node != null
        && node.get(field) != null
        && node.get(field).isTextual()
        && !node.get(field).textValue().isEmpty();
  }

  private static MultitenancyException invalidProvider(String message) {
    return MultitenancyException.badRequest("Invalid third party config: " + message);
  }
}
