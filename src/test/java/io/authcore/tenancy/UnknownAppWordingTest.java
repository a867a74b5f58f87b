package io.authcore.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An unknown app in the path, on app-level endpoints: the original reports it as its public tenant
 * not found, except on the user-id mapping endpoints and /user/remove, which name the app (answers
 * recorded from the original 11.4.7 at CDI 5.4).
 */
class UnknownAppWordingTest extends ServerOnEachBackend {
  static final String TENANT =
      "AppId or tenantId not found => Tenant with the following connectionURIDomain, appId and"
          + " tenantId combination not found: (, nope, public)\n";
  static final String APP =
      "AppId or tenantId not found => App with the following connectionURIDomain and appId"
          + " combination not found: (, nope)\n";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET|/recipe/roles||T",
        "GET|/recipe/role/permissions?role=r||T",
        "GET|/recipe/user/metadata?userId=x||T",
        "GET|/recipe/user/email/verify?userId=x&email=a@b.c||T",
        "GET|/recipe/session?sessionHandle=x||T",
        "GET|/recipe/session/data?sessionHandle=x||T",
        "GET|/user/id?userId=x||T",
        "GET|/apiversion||T",
        "GET|/recipe/jwt/jwks||T",
        "GET|/recipe/user?userId=x||T",
        "PUT|/recipe/role|{\"role\":\"r\"}|T",
        "PUT|/recipe/user/metadata|{\"userId\":\"x\",\"metadataUpdate\":{}}|T",
        "POST|/recipe/jwt|{\"algorithm\":\"RS256\",\"jwksDomain\":\"x\",\"payload\":{},\"validity\":10}|T",
        "POST|/recipe/session/verify|{\"accessToken\":\"x\",\"enableAntiCsrf\":false,\"doAntiCsrfCheck\":false,\"checkDatabase\":false}|T",
        "POST|/recipe/userid/map|{\"superTokensUserId\":\"x\",\"externalUserId\":\"y\"}|T",
        "GET|/recipe/userid/map?userId=x||A",
        "POST|/recipe/userid/map/remove|{\"userId\":\"x\"}|A",
        "PUT|/recipe/userid/external-user-id-info|{\"userId\":\"x\",\"externalUserIdInfo\":null}|A",
        "POST|/user/remove|{\"userId\":\"x\"}|A",
      })
  void wordedAsTheOriginalWordsIt(String method, String path, String body, String expected) {
    Reply reply =
        http.send(method, "/appid-nope" + path, body, "cdi-version", "5.4", "rid", "emailpassword");
    assertEquals(400, reply.status(), reply.body());
    assertEquals(expected.equals("A") ? APP : TENANT, reply.body());
  }
}
