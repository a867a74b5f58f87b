package io.authcore.tenancy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A third-party login provider of one tenant, field for field as the original stores it in {@code
 * tenant_thirdparty_providers}. Every field but the id may be null.
 */
public record ThirdPartyProvider(
    String thirdPartyId,
    String name,
    List<Client> clients,
    String authorizationEndpoint,
    ObjectNode authorizationEndpointQueryParams,
    String tokenEndpoint,
    ObjectNode tokenEndpointBodyParams,
    String userInfoEndpoint,
    ObjectNode userInfoEndpointQueryParams,
    ObjectNode userInfoEndpointHeaders,
    String jwksUri,
    String oidcDiscoveryEndpoint,
    Boolean requireEmail,
    UserInfoMap userInfoMap) {

  public ThirdPartyProvider {
    clients = clients == null ? List.of() : List.copyOf(clients);
    userInfoMap = userInfoMap == null ? UserInfoMap.EMPTY : userInfoMap;
  }

  /** One OAuth client of a provider ({@code tenant_thirdparty_provider_clients}). */
  public record Client(
      String clientType,
      String clientId,
      String clientSecret,
      List<String> scope,
      Boolean forcePkce,
      ObjectNode additionalConfig) {}

  /** Where the user's id, email and verification come from, by source. */
  public record UserInfoMap(Fields fromIdTokenPayload, Fields fromUserInfoApi) {
    public static final UserInfoMap EMPTY = new UserInfoMap(Fields.EMPTY, Fields.EMPTY);

    public UserInfoMap {
      fromIdTokenPayload = fromIdTokenPayload == null ? Fields.EMPTY : fromIdTokenPayload;
      fromUserInfoApi = fromUserInfoApi == null ? Fields.EMPTY : fromUserInfoApi;
    }
  }

  /** Claim names; null when not mapped. */
  public record Fields(String userId, String email, String emailVerified) {
    public static final Fields EMPTY = new Fields(null, null, null);
  }
}
