package io.authcore.recipe.multitenancy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.HttpError;
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
