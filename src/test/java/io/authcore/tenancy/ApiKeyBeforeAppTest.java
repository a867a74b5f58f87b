package io.authcore.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The api key is checked before the app's existence, so app ids cannot be probed without one. */
class ApiKeyBeforeAppTest extends ServerOnEachBackend {
  static final String KEY = "base-key-0123456789-abcdefgh";
  static final String APP_KEY = "app-key-0123456789-abcdefgh";
  static final String BODY =
      "{\"userId\":\"u1\",\"userDataInJWT\":{},\"userDataInDatabase\":{},\"enableAntiCsrf\":false}";

  @Override
  protected Map<String, String> overrides() {
    return Map.of("api_keys", KEY);
  }

  @Test
  void anUnknownAppIsReportedOnlyToAClientWithConfigYamlsKey() {
    Reply noKey = http.post("/appid-nope/public/recipe/session", BODY, "cdi-version", "5.4");
    assertEquals(401, noKey.status(), noKey.body());
    assertEquals("Invalid API key\n", noKey.body());
    Reply wrongKey = http.post("/appid-nope/recipe/session", BODY, "api-key", APP_KEY);
    assertEquals(401, wrongKey.status(), wrongKey.body());

    Reply withKey = http.post("/appid-nope/public/recipe/session", BODY, "api-key", KEY);
    assertEquals(400, withKey.status(), withKey.body());
    assertTrue(withKey.body().startsWith("AppId or tenantId not found"), withKey.body());
  }

  @Test
  void anExistingAppStillTakesItsOwnKey() {
    Reply created =
        http.put(
            "/recipe/multitenancy/app/v2",
            "{\"appId\":\"keyed\",\"coreConfig\":{\"api_keys\":\"" + APP_KEY + "\"}}",
            "api-key",
            KEY);
    assertEquals(200, created.status(), created.body());
    assertEquals(200, http.post("/appid-keyed/recipe/session", BODY, "api-key", APP_KEY).status());
    assertEquals(401, http.post("/appid-keyed/recipe/session", BODY).status());
    assertEquals(401, http.post("/appid-keyed/nope/recipe/session", BODY).status());
  }
}
