package io.authcore.recipe.multitenancy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.HttpError;
import io.authcore.recipe.MaxLength;
import io.authcore.tenancy.ThirdPartyProvider;
import io.authcore.tenancy.ThirdPartyProvider.Client;
import io.authcore.tenancy.ThirdPartyProvider.Fields;
import io.authcore.tenancy.ThirdPartyProvider.UserInfoMap;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider's {@code config} object as the original reads it (Gson): strings also from numbers and
 * booleans, absent or null fields are null, unknown fields are ignored. A field of the wrong kind
 * is a 400 here, where the original fails with a 500.
 */
final class ProviderInput {
  private ProviderInput() {}

  static ThirdPartyProvider parse(ObjectNode config, String thirdPartyId) {
    JsonNode userInfoMap = objectOrNull(config, "userInfoMap");
    return new ThirdPartyProvider(
        thirdPartyId,
        string(config, "name"),
        clients(config.get("clients")),
        string(config, "authorizationEndpoint"),
        objectOrNull(config, "authorizationEndpointQueryParams"),
        string(config, "tokenEndpoint"),
        objectOrNull(config, "tokenEndpointBodyParams"),
        string(config, "userInfoEndpoint"),
        objectOrNull(config, "userInfoEndpointQueryParams"),
        objectOrNull(config, "userInfoEndpointHeaders"),
        string(config, "jwksURI"),
        string(config, "oidcDiscoveryEndpoint"),
        bool(config, "requireEmail"),
        userInfoMap == null
            ? null
            : new UserInfoMap(
                fields(objectOrNull(userInfoMap, "fromIdTokenPayload")),
                fields(objectOrNull(userInfoMap, "fromUserInfoAPI"))));
  }

  /**
   * The columns a provider is stored in are narrower than a JSON string. Checked whether or not the
   * request asks to skip validation, since the database refuses an over-long value either way.
   */
  static void checkLengths(ThirdPartyProvider p) {
    atMost(MaxLength.THIRD_PARTY_ID, "thirdPartyId", p.thirdPartyId());
    atMost(MaxLength.PROVIDER_FIELD, "name", p.name());
    for (Client c : p.clients()) {
      atMost(MaxLength.PROVIDER_FIELD, "clientType", c.clientType());
      atMost(MaxLength.CLIENT_ID, "clientId", c.clientId());
      if (c.scope() != null && !c.scope().stream().allMatch(MaxLength.SCOPE::fits)) {
        throw tooLong("scope array cannot contain a string longer than", MaxLength.SCOPE);
      }
    }
    checkLengths("fromIdTokenPayload", p.userInfoMap().fromIdTokenPayload());
    checkLengths("fromUserInfoAPI", p.userInfoMap().fromUserInfoApi());
  }

  private static void checkLengths(String source, Fields fields) {
    String prefix = "userInfoMap." + source + ".";
    atMost(MaxLength.PROVIDER_FIELD, prefix + "userId", fields.userId());
    atMost(MaxLength.PROVIDER_FIELD, prefix + "email", fields.email());
    atMost(MaxLength.PROVIDER_FIELD, prefix + "emailVerified", fields.emailVerified());
  }

  private static void atMost(MaxLength max, String field, String value) {
    if (!max.fits(value)) {
      throw tooLong(field + " cannot be longer than", max);
    }
  }

  /** In the words of the original's provider checks, which it prefixes the same way. */
  private static HttpError tooLong(String what, MaxLength max) {
    return HttpError.badRequest(
        "Invalid third party config: " + what + " " + max.characters() + " characters");
  }

  private static List<Client> clients(JsonNode value) {
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw invalid("clients");
    }
    List<Client> result = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isObject()) {
        throw invalid("clients");
      }
      List<String> scope = null;
      JsonNode scopes = item.get("scope");
      if (scopes != null && !scopes.isNull()) {
        if (!scopes.isArray()) {
          throw invalid("scope");
        }
        scope = new ArrayList<>();
        for (JsonNode s : scopes) {
          scope.add(text(s, "scope"));
        }
      }
      result.add(
          new Client(
              string(item, "clientType"),
              string(item, "clientId"),
              string(item, "clientSecret"),
              scope,
              bool(item, "forcePKCE"),
              objectOrNull(item, "additionalConfig")));
    }
    return result;
  }

  private static Fields fields(ObjectNode node) {
    return node == null
        ? null
        : new Fields(string(node, "userId"), string(node, "email"), string(node, "emailVerified"));
  }

  private static String string(JsonNode node, String field) {
    return text(node.get(field), field);
  }

  private static String text(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw invalid(field);
    }
    return value.asText();
  }

  private static Boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual()) {
      return Boolean.parseBoolean(value.textValue());
    }
    throw invalid(field);
  }

  private static ObjectNode objectOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!(value instanceof ObjectNode object)) {
      throw invalid(field);
    }
    return object.deepCopy();
  }

  private static HttpError invalid(String field) {
    return HttpError.badRequest("Field name '" + field + "' is invalid in JSON input");
  }
}
