package io.authcore.recipe.multitenancy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.CdiVersion;
import io.authcore.http.Json;
import io.authcore.recipe.LoginRecipeGate;
import io.authcore.tenancy.TenantConfig;
import io.authcore.tenancy.ThirdPartyProvider;
import io.authcore.tenancy.ThirdPartyProvider.Client;
import io.authcore.tenancy.ThirdPartyProvider.Fields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A tenant as the v2 endpoints show it (the original's {@code TenantConfig.toJson_v2_5_1}). */
final class TenantJson {
  private TenantJson() {}

  static ObjectNode of(TenantConfig config) {
    ObjectNode out = Json.object();
    out.put("tenantId", config.id().tenantId());
    ObjectNode thirdParty = out.putObject("thirdParty");
    ArrayNode providers = thirdParty.putArray("providers");
    config.providers().forEach(p -> providers.add(provider(p)));

    List<String> firstFactors = config.firstFactors();
    if (firstFactors == null
        && !(config.emailPasswordEnabled()
            && config.thirdPartyEnabled()
            && config.passwordlessEnabled())) {
      // Stored by an older CDI as recipe switches: v2 shows them as the factors they allow.
      firstFactors = new ArrayList<>();
      if (config.emailPasswordEnabled()) {
        firstFactors.add("emailpassword");
      }
      if (config.thirdPartyEnabled()) {
        firstFactors.add("thirdparty");
      }
      if (config.passwordlessEnabled()) {
        firstFactors.addAll(List.of("otp-email", "otp-phone", "link-email", "link-phone"));
      }
    }
    if (firstFactors != null) {
      ArrayNode array = out.putArray("firstFactors");
      inHashSetOrder(firstFactors).forEach(array::add);
    }
    if (config.requiredSecondaryFactors() != null) {
      ArrayNode array = out.putArray("requiredSecondaryFactors");
      config.requiredSecondaryFactors().forEach(array::add);
    }
    out.set("coreConfig", config.coreConfig().deepCopy());
    return out;
  }

  /**
   * The original keeps a tenant's first factors in a Java hash set and lists them in its order (the
   * required secondary factors keep the order they were sent in); the same insertions into the same
   * kind of set give the same order, whatever order they were stored or read in.
   */
  private static Collection<String> inHashSetOrder(List<String> factors) {
    Set<String> set = new HashSet<>();
    set.addAll(factors);
    return set;
  }

  /**
   * A tenant as the deprecated v1 endpoints show it to a client of this version: recipe switches,
   * from 5.0 with the factors too.
   */
  static ObjectNode v1(TenantConfig config, CdiVersion cdi) {
    ObjectNode out = Json.object();
    out.put("tenantId", config.id().tenantId());
    out.putObject("emailPassword")
        .put("enabled", LoginRecipeGate.EMAIL_PASSWORD.enabledAsShownAt(config, cdi));
    ObjectNode thirdParty = out.putObject("thirdParty");
    thirdParty.put("enabled", LoginRecipeGate.THIRD_PARTY.enabledAsShownAt(config, cdi));
    ArrayNode providers = thirdParty.putArray("providers");
    config.providers().forEach(p -> providers.add(provider(p)));
    out.putObject("passwordless")
        .put("enabled", LoginRecipeGate.PASSWORDLESS.enabledAsShownAt(config, cdi));
    if (cdi.atLeast(CdiVersion.V5_0)) {
      if (config.firstFactors() != null && !config.firstFactors().isEmpty()) {
        ArrayNode array = out.putArray("firstFactors");
        inHashSetOrder(config.firstFactors()).forEach(array::add);
      }
      if (config.requiredSecondaryFactors() != null) {
        ArrayNode array = out.putArray("requiredSecondaryFactors");
        config.requiredSecondaryFactors().forEach(array::add);
      }
    }
    out.set("coreConfig", config.coreConfig().deepCopy());
    return out;
  }

  /**
   * The original serialises providers with Gson, which leaves out null fields; the four parameter
   * objects keep the nulls inside them.
   */
  static ObjectNode provider(ThirdPartyProvider p) {
    ObjectNode out = Json.object();
    out.put("thirdPartyId", p.thirdPartyId());
    putIfNotNull(out, "name", p.name());
    ArrayNode clients = out.putArray("clients");
    for (Client c : p.clients()) {
      ObjectNode client = clients.addObject();
      putIfNotNull(client, "clientType", c.clientType());
      putIfNotNull(client, "clientId", c.clientId());
      putIfNotNull(client, "clientSecret", c.clientSecret());
      if (c.scope() != null) {
        ArrayNode scope = client.putArray("scope");
        c.scope().forEach(scope::add);
      }
      if (c.forcePkce() != null) {
        client.put("forcePKCE", c.forcePkce());
      }
      if (c.additionalConfig() != null) {
        client.set("additionalConfig", withoutNulls(c.additionalConfig()));
      }
    }
    putIfNotNull(out, "authorizationEndpoint", p.authorizationEndpoint());
    setIfNotNull(out, "authorizationEndpointQueryParams", p.authorizationEndpointQueryParams());
    putIfNotNull(out, "tokenEndpoint", p.tokenEndpoint());
    setIfNotNull(out, "tokenEndpointBodyParams", p.tokenEndpointBodyParams());
    putIfNotNull(out, "userInfoEndpoint", p.userInfoEndpoint());
    setIfNotNull(out, "userInfoEndpointQueryParams", p.userInfoEndpointQueryParams());
    setIfNotNull(out, "userInfoEndpointHeaders", p.userInfoEndpointHeaders());
    putIfNotNull(out, "jwksURI", p.jwksUri());
    putIfNotNull(out, "oidcDiscoveryEndpoint", p.oidcDiscoveryEndpoint());
    if (p.requireEmail() != null) {
      out.put("requireEmail", p.requireEmail());
    }
    ObjectNode map = out.putObject("userInfoMap");
    map.set("fromIdTokenPayload", fields(p.userInfoMap().fromIdTokenPayload()));
    map.set("fromUserInfoAPI", fields(p.userInfoMap().fromUserInfoApi()));
    return out;
  }

  private static ObjectNode fields(Fields f) {
    ObjectNode out = Json.object();
    putIfNotNull(out, "userId", f.userId());
    putIfNotNull(out, "email", f.email());
    putIfNotNull(out, "emailVerified", f.emailVerified());
    return out;
  }

  private static void putIfNotNull(ObjectNode out, String field, String value) {
    if (value != null) {
      out.put(field, value);
    }
  }

  private static void setIfNotNull(ObjectNode out, String field, ObjectNode value) {
    if (value != null) {
      out.set(field, value.deepCopy());
    }
  }

  /** Gson without serializeNulls drops null members at every depth. */
  private static ObjectNode withoutNulls(ObjectNode node) {
    ObjectNode out = Json.object();
    node.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNull()) {
                return;
              }
              out.set(
                  e.getKey(),
                  e.getValue() instanceof ObjectNode o ? withoutNulls(o) : e.getValue().deepCopy());
            });
    return out;
  }
}
