package io.authcore.recipe.multitenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Backend;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every multitenancy endpoint and its texts over HTTP, on both storages. */
class MultitenancyApiTest extends ServerOnEachBackend {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final String MT = "/recipe/multitenancy";

  /** A fresh app id per test, so the tests share one server without seeing each other. */
  static String newAppId() {
    return "app-" + UUID.randomUUID().toString().substring(0, 8);
  }

  Reply put(String path, String body) {
    return http.put(path, body, CDI);
  }

  Reply post(String path, String body) {
    return http.post(path, body, CDI);
  }

  Reply get(String path) {
    return http.get(path, CDI);
  }

  String createApp(String body) {
    String appId = newAppId();
    Reply reply =
        put(
            MT + "/app/v2",
            "{\"appId\":\"" + appId + "\"" + (body.isEmpty() ? "" : ",") + body + "}");
    assertEquals("{\"status\":\"OK\",\"createdNew\":true}\n", reply.body());
    return appId;
  }

  static void assertError(int status, String text, Reply reply) {
    assertError(status, text, reply, text);
  }

  static void assertError(int status, String text, Reply reply, String why) {
    assertEquals(status, reply.status(), why + ": " + reply.body());
    assertEquals(text + "\n", reply.body(), why);
    assertEquals("text/html;charset=UTF-8", reply.contentType(), why);
  }

  // ---- create, read, update

  @Test
  void firstFactorsInTheOriginalsOrder() {
    // Recorded from the original 11.4.7: the first factors in its hash set's order, the required
    // secondary factors as sent.
    String app = newAppId();
    put(MT + "/app/v2", "{\"appId\":\"" + app + "\"}");
    assertEquals(
        "{\"status\":\"OK\",\"createdNew\":true}\n",
        put(
                "/appid-" + app + MT + "/tenant/v2",
                "{\"tenantId\":\"ff1\",\"firstFactors\":[\"thirdparty\",\"emailpassword\","
                    + "\"otp-email\",\"link-phone\",\"zz-custom\"]}")
            .body());
    assertEquals(
        "{\"tenantId\":\"ff1\",\"thirdParty\":{\"providers\":[]},\"firstFactors\":[\"otp-email\","
            + "\"emailpassword\",\"link-phone\",\"zz-custom\",\"thirdparty\"],\"coreConfig\":{},"
            + "\"status\":\"OK\"}\n",
        get("/appid-" + app + "/ff1" + MT + "/tenant/v2").body());
    put(
        "/appid-" + app + MT + "/tenant/v2",
        "{\"tenantId\":\"ff2\",\"firstFactors\":[\"link-email\",\"otp-phone\",\"emailpassword\","
            + "\"webauthn\"]}");
    assertEquals(
        "[\"emailpassword\",\"webauthn\",\"link-email\",\"otp-phone\"]",
        get("/appid-" + app + "/ff2" + MT + "/tenant/v2").json().get("firstFactors").toString());
  }

  @Test
  void appsAndTenantsAreCreatedOnceAndReadBack() {
    String app = newAppId();
    assertEquals(
        "{\"status\":\"OK\",\"createdNew\":true}\n",
        put(MT + "/app/v2", "{\"appId\":\"" + app + "\"}").body());
    assertEquals(
        "{\"status\":\"OK\",\"createdNew\":false}\n",
        put(MT + "/app/v2", "{\"appId\":\"" + app + "\"}").body());
    assertEquals(
        "{\"status\":\"OK\",\"createdNew\":true}\n",
        put(
                "/appid-" + app + MT + "/tenant/v2",
                "{\"tenantId\":\"t1\",\"firstFactors\":[\"emailpassword\"]}")
            .body());

    Reply tenant = get("/appid-" + app + "/t1" + MT + "/tenant/v2");
    assertEquals(200, tenant.status());
    assertEquals(
        "{\"tenantId\":\"t1\",\"thirdParty\":{\"providers\":[]},"
            + "\"firstFactors\":[\"emailpassword\"],\"coreConfig\":{},\"status\":\"OK\"}\n",
        tenant.body());
    assertTrue(tenant.contentType().startsWith("application/json"));
    assertEquals(
        "{\"tenantId\":\"public\",\"thirdParty\":{\"providers\":[]},\"coreConfig\":{},"
            + "\"status\":\"OK\"}\n",
        get("/appid-" + app + "/public" + MT + "/tenant/v2").body(),
        "the public tenant of a new app allows every first factor");
    assertEquals(
        "{\"tenantId\":\"public\",\"thirdParty\":{\"providers\":[]},\"coreConfig\":{},"
            + "\"status\":\"OK\"}\n",
        get(MT + "/tenant/v2").body(),
        "the base tenant");
  }

  @Test
  void aMissingTenantOrAppIsAStatusNotAnError() {
    String app = createApp("");
    for (String path :
        new String[] {
          "/appid-" + app + "/nope" + MT + "/tenant/v2",
          "/appid-no-such-app/public" + MT + "/tenant/v2"
        }) {
      Reply reply = get(path);
      assertEquals(200, reply.status(), path);
      assertEquals("{\"status\":\"TENANT_NOT_FOUND_ERROR\"}\n", reply.body(), path);
    }
  }

  @Test
  void aNewTenantAllowsNoFactorUntilGivenSomeAndFactorsCanBeChangedAndCleared() {
    String app = createApp("");
    String base = "/appid-" + app;
    put(base + MT + "/tenant/v2", "{\"tenantId\":\"T2 \"}");
    assertEquals(
        "{\"tenantId\":\"t2\",\"thirdParty\":{\"providers\":[]},\"firstFactors\":[],"
            + "\"coreConfig\":{},\"status\":\"OK\"}\n",
        get(base + "/t2" + MT + "/tenant/v2").body(),
        "ids are trimmed and lower-cased; a new tenant gets no factor");

    put(
        base + MT + "/tenant/v2",
        "{\"tenantId\":\"t2\",\"firstFactors\":[\"otp-phone\",\"emailpassword\"],"
            + "\"requiredSecondaryFactors\":[\"totp\"]}");
    JsonNode t2 = get(base + "/t2" + MT + "/tenant/v2").json();
    assertEquals(2, t2.get("firstFactors").size());
    assertEquals("[\"totp\"]", t2.get("requiredSecondaryFactors").toString());

    put(
        base + MT + "/tenant/v2",
        "{\"tenantId\":\"t2\",\"firstFactors\":null,\"requiredSecondaryFactors\":[]}");
    t2 = get(base + "/t2" + MT + "/tenant/v2").json();
    assertFalse(t2.has("firstFactors"), "null allows every factor");
    assertFalse(t2.has("requiredSecondaryFactors"), "an empty list is none");

    put(base + MT + "/tenant/v2", "{\"tenantId\":\"t2\",\"firstFactors\":[]}");
    assertEquals("[]", get(base + "/t2" + MT + "/tenant/v2").json().get("firstFactors").toString());
  }

  @Test
  void listsShowTenantsAppsAndDomains() {
    String app = createApp("");
    put(
        "/appid-" + app + MT + "/tenant/v2",
        "{\"tenantId\":\"t1\",\"firstFactors\":[\"emailpassword\"]}");
    assertEquals(
        "{\"status\":\"OK\",\"tenants\":[{\"tenantId\":\"public\",\"thirdParty\":{\"providers\":[]},"
            + "\"coreConfig\":{}},{\"tenantId\":\"t1\",\"thirdParty\":{\"providers\":[]},"
            + "\"firstFactors\":[\"emailpassword\"],\"coreConfig\":{}}]}\n",
        get("/appid-" + app + MT + "/tenant/list/v2").body());

    JsonNode apps = get(MT + "/app/list/v2").json().get("apps");
    assertEquals("public", apps.get(0).get("appId").asText(), "the public app first");
    boolean found = false;
    for (JsonNode a : apps) {
      if (a.get("appId").asText().equals(app)) {
        found = true;
        assertEquals(2, a.get("tenants").size());
      }
    }
    assertTrue(found);

    JsonNode domains = get(MT + "/connectionuridomain/list/v2").json();
    assertEquals("OK", domains.get("status").asText());
    assertEquals(
        "", domains.get("connectionUriDomains").get(0).get("connectionUriDomain").asText());

    assertError(
        403,
        "Only the public tenantId is allowed to list all tenants associated with this app",
        get("/appid-" + app + "/t1" + MT + "/tenant/list/v2"));
    assertError(
        403,
        "Only the public tenantId and public appId is allowed to list all apps associated with"
            + " this connection uri domain",
        get("/appid-" + app + MT + "/app/list/v2"));
    assertError(
        403,
        "Only the public tenantId, public appId and default connectionUriDomain is allowed to list"
            + " all connectionUriDomains and appIds associated with this core",
        get("/appid-" + app + MT + "/connectionuridomain/list/v2"));
    assertError(
        400,
        "AppId or tenantId not found => Tenant with the following connectionURIDomain, appId and"
            + " tenantId combination not found: (, "
            + app
            + ", nope)",
        get("/appid-" + app + "/nope" + MT + "/tenant/list/v2"));
  }

  // ---- ids, inputs, permissions

  @Test
  void idsAreValidatedWithTheOriginalsTexts() {
    assertError(
        400, "appId should not be an empty String", put(MT + "/app/v2", "{\"appId\":\" \"}"));
    assertError(
        400, "appId must not start with 'appid-'", put(MT + "/app/v2", "{\"appId\":\"appid-x\"}"));
    assertError(
        400,
        "appId can only contain letters, numbers and hyphens",
        put(MT + "/app/v2", "{\"appId\":\"a_b\"}"));
    assertError(
        400, "Field name 'appId' is invalid in JSON input", put(MT + "/app/v2", "{\"appId\":5}"));
    assertError(
        400,
        "tenantId should not be an empty String",
        put(MT + "/tenant/v2", "{\"tenantId\":\"\"}"));
    for (String reserved : new String[] {"recipe", "config", "users", "hello"}) {
      assertError(
          400,
          "Cannot use '" + reserved + "' as a tenantId",
          put(MT + "/tenant/v2", "{\"tenantId\":\"" + reserved.toUpperCase() + "\"}"));
    }
    assertError(
        400,
        "tenantId must not start with 'appid-'",
        put(MT + "/tenant/v2", "{\"tenantId\":\"appid-t\"}"));
    assertError(
        400,
        "tenantId can only contain letters, numbers and hyphens",
        put(MT + "/tenant/v2", "{\"tenantId\":\"t.1\"}"));
    assertError(
        400,
        "connectionUriDomain should not be an empty String",
        put(MT + "/connectionuridomain/v2", "{\"connectionUriDomain\":\"  \"}"));
    assertError(
        400,
        "connectionUriDomain is invalid",
        put(MT + "/connectionuridomain/v2", "{\"connectionUriDomain\":\"a/b\"}"));
    assertError(400, "Invalid Json Input", put(MT + "/app/v2", "not json"));
  }

  @Test
  void v2InputsAreCheckedInTheOriginalsOrder() {
    String app = createApp("");
    String path = "/appid-" + app + MT + "/tenant/v2";
    assertError(
        400,
        "emailPasswordEnabled is not a valid input for this API",
        put(path, "{\"tenantId\":\"t1\",\"emailPasswordEnabled\":true}"));
    assertError(
        400,
        "thirdParty is not a valid input for this API",
        put(path, "{\"tenantId\":\"t1\",\"thirdPartyEnabled\":true}"));
    assertError(
        400,
        "passwordless is not a valid input for this API",
        put(path, "{\"tenantId\":\"t1\",\"passwordlessEnabled\":true}"));
    assertError(
        400,
        "firstFactors input should not contain duplicate values",
        put(path, "{\"tenantId\":\"t1\",\"firstFactors\":[\"a\",\"a\"]}"));
    assertError(
        400,
        "requiredSecondaryFactors input should not contain duplicate values",
        put(path, "{\"tenantId\":\"t1\",\"requiredSecondaryFactors\":[\"a\",\"a\"]}"));
    assertError(
        400,
        "Field name 'firstFactors' is invalid in JSON input",
        put(path, "{\"tenantId\":\"t1\",\"firstFactors\":\"emailpassword\"}"));
    assertError(
        400,
        "firstFactors should contain only 0-9,a-z,A-Z,_,.,- characters",
        put(path, "{\"tenantId\":\"t1\",\"firstFactors\":[\"email password\"]}"));
    assertError(
        400,
        "requiredSecondaryFactors should contain only 0-9,a-z,A-Z,_,.,- characters",
        put(path, "{\"tenantId\":\"t1\",\"requiredSecondaryFactors\":[\"t*tp\"]}"));
    assertError(
        400,
        "Field name 'coreConfig' is invalid in JSON input",
        put(path, "{\"tenantId\":\"t1\",\"coreConfig\":null}"));
    assertEquals(
        "TENANT_NOT_FOUND_ERROR",
        get("/appid-" + app + "/t1" + MT + "/tenant/v2").json().get("status").asText(),
        "nothing was created by a refused request");
  }

  @Test
  void permissionsFollowTheOriginal() {
    String app = createApp("");
    put("/appid-" + app + MT + "/tenant/v2", "{\"tenantId\":\"t1\"}");
    assertError(
        403,
        "You must use the public or same tenant to add/update a tenant",
        put("/appid-" + app + "/t1" + MT + "/tenant/v2", "{\"tenantId\":\"t2\"}"));
    assertEquals(
        "{\"status\":\"OK\",\"createdNew\":false}\n",
        put("/appid-" + app + "/t1" + MT + "/tenant/v2", "{\"tenantId\":\"t1\"}").body(),
        "a tenant may update itself");
    assertError(
        403,
        "You must use the public or same app to add/update an app",
        put("/appid-" + app + MT + "/app/v2", "{\"appId\":\"" + newAppId() + "\"}"));
    assertError(
        403,
        "You must use the public or same app to add/update an app",
        put("/appid-" + app + "/t1" + MT + "/app/v2", "{\"appId\":\"" + app + "\"}"));
    assertEquals(
        "{\"status\":\"OK\",\"createdNew\":false}\n",
        put("/appid-" + app + MT + "/app/v2", "{\"appId\":\"" + app + "\"}").body(),
        "an app may update itself");
    assertError(
        403,
        "You must use the default or same connectionUriDomain to create/update a"
            + " connectionUriDomain",
        put(
            "/appid-" + app + MT + "/connectionuridomain/v2",
            "{\"connectionUriDomain\":\"x.com\"}"));
    assertError(
        400,
        "AppId or tenantId not found => Tenant with the following connectionURIDomain, appId and"
            + " tenantId combination not found: (, "
            + app
            + ", t9)",
        put("/appid-" + app + "/t9" + MT + "/tenant/v2", "{\"tenantId\":\"t9\"}"));
    assertEquals(
        "{\"status\":\"OK\",\"createdNew\":false}\n",
        put(MT + "/connectionuridomain/v2", "{}").body(),
        "the base may be 'updated' without a change");
  }

  // ---- coreConfig

  @Test
  void coreConfigIsValidatedWithTheOriginalsTexts() {
    String app = createApp("");
    String path = MT + "/app/v2";
    String prefix = "{\"appId\":\"" + app + "\",\"coreConfig\":";
    assertError(
        400, "Invalid core config: Invalid config key: foo", put(path, prefix + "{\"foo\":1}}"));
    assertError(
        400,
        "Invalid core config: port can only be set via the core's base config setting",
        put(path, prefix + "{\"port\":4000}}"));
    assertError(
        400,
        "Invalid core config: 'access_token_validity' must be between 1 and 86400000 seconds"
            + " inclusive.",
        put(path, prefix + "{\"access_token_validity\":0}}"));
    assertError(
        400,
        "Invalid core config: 'access_token_validity' must be of type long",
        put(path, prefix + "{\"access_token_validity\":\"soon\"}}"));
    assertError(
        400,
        "Invalid core config: 'disable_telemetry' must be of type boolean",
        put(path, prefix + "{\"disable_telemetry\":1}}"));
    assertError(
        400,
        "Invalid core config: 'refresh_token_validity' must be strictly greater than"
            + " 'access_token_validity'.",
        put(path, prefix + "{\"access_token_validity\":7200,\"refresh_token_validity\":60}}"));
    assertError(
        400,
        "Invalid core config: One of the API keys is too short. Please use at least 20 characters",
        put(path, prefix + "{\"api_keys\":\"short\"}}"));
    assertError(
        400,
        "Invalid core config: 'password_hashing_alg' must be one of 'ARGON2' or 'BCRYPT'",
        put(path, prefix + "{\"password_hashing_alg\":\"md5\"}}"));
    assertError(
        400,
        "Invalid core config: supertokens_max_cdi_version is not a supported version",
        put(path, prefix + "{\"supertokens_max_cdi_version\":\"9.9\"}}"));
    if (backend == Backend.H2) {
      assertError(
          400,
          "Invalid core config: Invalid config key: postgresql_host",
          put(path, prefix + "{\"postgresql_host\":\"elsewhere\"}}"));
    } else {
      assertError(
          400,
          "Invalid core config: postgresql_host cannot differ from the base config: Authcore keeps"
              + " every app and tenant in the base database",
          put(path, prefix + "{\"postgresql_host\":\"elsewhere\"}}"));
    }
    assertError(
        400,
        "Cannot modify base config",
        put(
            MT + "/tenant/v2",
            "{\"tenantId\":\"public\",\"coreConfig\":{\"totp_max_attempts\":3}}"));
    assertEquals(
        "{}",
        get("/appid-" + app + "/public" + MT + "/tenant/v2").json().get("coreConfig").toString(),
        "nothing was stored by the refused requests");
  }

  @Test
  void coreConfigMergesAndNullRemovesAKey() {
    String app =
        createApp("\"coreConfig\":{\"access_token_validity\":100,\"totp_max_attempts\":3}");
    String path = "/appid-" + app + "/public" + MT + "/tenant/v2";
    assertEquals(
        "{\"access_token_validity\":100,\"totp_max_attempts\":3}",
        get(path).json().get("coreConfig").toString());
    put(
        MT + "/app/v2",
        "{\"appId\":\""
            + app
            + "\",\"coreConfig\":{\"access_token_validity\":null,"
            + "\"password_reset_token_lifetime\":\"5000\",\"api_keys\":null}}");
    assertEquals(
        "{\"totp_max_attempts\":3,\"password_reset_token_lifetime\":\"5000\",\"api_keys\":null}",
        get(path).json().get("coreConfig").toString(),
        "a null removes a present key and is kept for an absent one, as in the original");
  }

  @Test
  void appSettingsMustAgreeAcrossTheAppsTenantsButTenantSettingsMayDiffer() {
    String app = createApp("\"coreConfig\":{\"access_token_validity\":100}");
    String path = "/appid-" + app + MT + "/tenant/v2";
    assertError(
        400,
        "Invalid core config: You cannot set different values for access_token_validity for the"
            + " same appId",
        put(path, "{\"tenantId\":\"t1\",\"coreConfig\":{\"access_token_validity\":5}}"));
    assertEquals(
        "{\"status\":\"OK\",\"createdNew\":true}\n",
        put(path, "{\"tenantId\":\"t1\",\"coreConfig\":{\"access_token_validity\":100}}").body());
    assertEquals(
        "{\"status\":\"OK\",\"createdNew\":true}\n",
        put(path, "{\"tenantId\":\"t2\",\"coreConfig\":{\"password_reset_token_lifetime\":5}}")
            .body());
    // t1 pins the old value, so the app cannot move away from it; t2 merely inherits it.
    assertError(
        400,
        "Invalid core config: You cannot set different values for access_token_validity for the"
            + " same appId",
        put(
            MT + "/app/v2",
            "{\"appId\":\"" + app + "\",\"coreConfig\":{\"access_token_validity\":200}}"));
    assertError(
        400,
        "Invalid core config: You cannot set different values for access_token_validity for the"
            + " same appId",
        put(
            MT + "/tenant/v2",
            "{\"tenantId\":\"t9\",\"coreConfig\":{\"access_token_validity\":5}}"),
        "a tenant of the public app must agree with config.yaml");
  }

  // ---- removal

  @Test
  void removingTenantsAppsAndDomains() {
    String app = createApp("");
    String base = "/appid-" + app;
    put(base + MT + "/tenant/v2", "{\"tenantId\":\"t1\"}");
    assertError(
        403,
        "Cannot delete public tenant, use remove app API instead",
        post(base + MT + "/tenant/remove", "{\"tenantId\":\"PUBLIC\"}"));
    assertError(
        403,
        "Only the public tenantId is allowed to delete a tenant",
        post(base + "/t1" + MT + "/tenant/remove", "{\"tenantId\":\"t1\"}"));
    assertError(
        403,
        "Please delete all tenants except the public tenant for this app before calling the delete"
            + " API",
        post(MT + "/app/remove", "{\"appId\":\"" + app + "\"}"));
    assertEquals(
        "{\"status\":\"OK\",\"didExist\":true}\n",
        post(base + MT + "/tenant/remove", "{\"tenantId\":\"t1\"}").body());
    assertEquals(
        "{\"status\":\"OK\",\"didExist\":false}\n",
        post(base + MT + "/tenant/remove", "{\"tenantId\":\"t1\"}").body());
    assertEquals(
        "TENANT_NOT_FOUND_ERROR",
        get(base + "/t1" + MT + "/tenant/v2").json().get("status").asText());

    assertError(
        403,
        "Cannot delete the public app, use remove connection uri domain API instead",
        post(MT + "/app/remove", "{\"appId\":\"public\"}"));
    assertError(
        403,
        "Only the public tenantId and public appId is allowed to delete an app",
        post(base + MT + "/app/remove", "{\"appId\":\"" + app + "\"}"));
    assertEquals(
        "{\"status\":\"OK\",\"didExist\":true}\n",
        post(MT + "/app/remove", "{\"appId\":\"" + app + "\"}").body());
    assertEquals(
        "{\"status\":\"OK\",\"didExist\":false}\n",
        post(MT + "/app/remove", "{\"appId\":\"" + app + "\"}").body());
    assertError(
        400,
        "AppId or tenantId not found => Tenant with the following connectionURIDomain, appId and"
            + " tenantId combination not found: (, "
            + app
            + ", public)",
        get(base + MT + "/tenant/list/v2"));

    assertError(
        400,
        "connectionUriDomain should not be an empty String",
        post(MT + "/connectionuridomain/remove", "{\"connectionUriDomain\":\"\"}"));
    assertError(
        400,
        "Field name 'connectionUriDomain' is invalid in JSON input",
        post(MT + "/connectionuridomain/remove", "{}"));
    assertEquals(
        "{\"status\":\"OK\",\"didExist\":false}\n",
        post(MT + "/connectionuridomain/remove", "{\"connectionUriDomain\":\"never.example\"}")
            .body());
  }

  @Test
  void aConnectionUriDomainIsReachedByItsHostHeader() {
    // Requests to 127.0.0.1 carry that host; those to localhost do not.
    assertEquals(
        "{\"status\":\"OK\",\"createdNew\":true}\n",
        put(
                MT + "/connectionuridomain/v2",
                "{\"connectionUriDomain\":\"127.0.0.1:3567\","
                    + "\"coreConfig\":{\"totp_max_attempts\":7}}")
            .body(),
        "the port is dropped");
    try {
      Http byIp = new Http("127.0.0.1", server.port());
      JsonNode domainTenant = byIp.get(MT + "/tenant/v2", CDI).json();
      assertEquals("{\"totp_max_attempts\":7}", domainTenant.get("coreConfig").toString());
      assertEquals("{}", get(MT + "/tenant/v2").json().get("coreConfig").toString());
      assertError(
          403,
          "Only the public tenantId, public appId and default connectionUriDomain is allowed to"
              + " list all connectionUriDomains and appIds associated with this core",
          byIp.get(MT + "/connectionuridomain/list/v2", CDI));
      JsonNode domains =
          get(MT + "/connectionuridomain/list/v2").json().get("connectionUriDomains");
      assertEquals(2, domains.size());
      assertEquals("127.0.0.1", domains.get(1).get("connectionUriDomain").asText());
      assertError(
          403,
          "Only the public tenantId, public appId and default connectionUriDomain is allowed to"
              + " delete a connectionUriDomain",
          byIp.post(
              MT + "/connectionuridomain/remove", "{\"connectionUriDomain\":\"127.0.0.1\"}", CDI));
      // An app made through the domain belongs to it, not to the default domain.
      assertEquals(
          "{\"status\":\"OK\",\"createdNew\":true}\n",
          byIp.put(MT + "/app/v2", "{\"appId\":\"in-domain\"}", CDI).body());
      assertEquals(
          "OK",
          byIp.get("/appid-in-domain/public" + MT + "/tenant/v2", CDI)
              .json()
              .get("status")
              .asText());
      assertEquals(
          "TENANT_NOT_FOUND_ERROR",
          get("/appid-in-domain/public" + MT + "/tenant/v2").json().get("status").asText());
      assertEquals(2, byIp.get(MT + "/app/list/v2", CDI).json().get("apps").size());
      assertError(
          403,
          "Please delete all apps except the public appID for this connectionUriDomain before"
              + " calling the delete API.",
          post(MT + "/connectionuridomain/remove", "{\"connectionUriDomain\":\"127.0.0.1\"}"));
      assertEquals(
          "{\"status\":\"OK\",\"didExist\":true}\n",
          byIp.post(MT + "/app/remove", "{\"appId\":\"in-domain\"}", CDI).body());
    } finally {
      assertEquals(
          "{\"status\":\"OK\",\"didExist\":true}\n",
          post(MT + "/connectionuridomain/remove", "{\"connectionUriDomain\":\"127.0.0.1\"}")
              .body());
    }
    assertEquals(
        "{}",
        new Http("127.0.0.1", server.port())
            .get(MT + "/tenant/v2", CDI)
            .json()
            .get("coreConfig")
            .toString(),
        "a removed domain falls back to the default one");
  }

  // ---- third-party providers

  @Test
  void thirdPartyProvidersAreAddedReplacedAndRemoved() {
    String app = createApp("");
    String base = "/appid-" + app;
    put(base + MT + "/tenant/v2", "{\"tenantId\":\"t1\",\"firstFactors\":[\"thirdparty\"]}");
    assertEquals(
        "{\"status\":\"OK\",\"createdNew\":true}\n",
        put(
                base + "/t1" + MT + "/config/thirdparty",
                "{\"config\":{\"thirdPartyId\":\" google \",\"clients\":[{\"clientId\":\"abcd\"}],"
                    + "\"authorizationEndpointQueryParams\":{\"k1\":null,\"k2\":\"v\"}}}")
            .body());
    assertEquals(
        "{\"thirdPartyId\":\"google\",\"clients\":[{\"clientId\":\"abcd\"}],"
            + "\"authorizationEndpointQueryParams\":{\"k1\":null,\"k2\":\"v\"},"
            + "\"userInfoMap\":{\"fromIdTokenPayload\":{},\"fromUserInfoAPI\":{}}}",
        get(base + "/t1" + MT + "/tenant/v2")
            .json()
            .get("thirdParty")
            .get("providers")
            .get(0)
            .toString());

    assertEquals(
        "{\"status\":\"OK\",\"createdNew\":false}\n",
        put(
                base + "/t1" + MT + "/config/thirdparty",
                "{\"config\":{\"thirdPartyId\":\"google\",\"name\":\"Custom\",\"requireEmail\":false,"
                    + "\"clients\":[{\"clientType\":\"web\",\"clientId\":\"efgh\",\"clientSecret\":\"s\","
                    + "\"scope\":[\"email\",\"openid\"],\"forcePKCE\":true,"
                    + "\"additionalConfig\":{\"a\":1}}],"
                    + "\"userInfoMap\":{\"fromIdTokenPayload\":{\"userId\":\"sub\"}}}}")
            .body());
    assertEquals(
        "{\"thirdPartyId\":\"google\",\"name\":\"Custom\",\"clients\":[{\"clientType\":\"web\","
            + "\"clientId\":\"efgh\",\"clientSecret\":\"s\",\"scope\":[\"email\",\"openid\"],"
            + "\"forcePKCE\":true,\"additionalConfig\":{\"a\":1}}],\"requireEmail\":false,"
            + "\"userInfoMap\":{\"fromIdTokenPayload\":{\"userId\":\"sub\"},\"fromUserInfoAPI\":{}}}",
        get(base + "/t1" + MT + "/tenant/v2")
            .json()
            .get("thirdParty")
            .get("providers")
            .get(0)
            .toString());

    assertError(
        400,
        "Invalid third party config: a non empty string value must be specified for keyId, teamId"
            + " and privateKey in the additionalConfig for Apple provider",
        put(
            base + "/t1" + MT + "/config/thirdparty",
            "{\"config\":{\"thirdPartyId\":\"apple\",\"clients\":[{\"clientId\":\"x\"}]}}"));
    assertError(
        400,
        "Invalid third party config: Duplicate clientType was specified in the clients list.",
        put(
            base + "/t1" + MT + "/config/thirdparty",
            "{\"config\":{\"thirdPartyId\":\"gh\",\"clients\":[{\"clientId\":\"x\"},"
                + "{\"clientId\":\"y\"}]}}"));
    assertError(
        400,
        "Invalid third party config: clientId cannot be null",
        put(
            base + "/t1" + MT + "/config/thirdparty",
            "{\"config\":{\"thirdPartyId\":\"gh\",\"clients\":[{}]}}"));
    assertEquals(
        "{\"status\":\"OK\",\"createdNew\":true}\n",
        put(
                base + "/t1" + MT + "/config/thirdparty",
                "{\"config\":{\"thirdPartyId\":\"apple\",\"clients\":[{\"clientId\":\"x\"}]},"
                    + "\"skipValidation\":true}")
            .body(),
        "skipValidation skips the provider checks");
    assertError(
        400,
        "Field name 'thirdPartyId' is invalid in JSON input",
        put(base + "/t1" + MT + "/config/thirdparty", "{\"config\":{}}"));
    assertError(
        400,
        "Field name 'config' is invalid in JSON input",
        put(base + "/t1" + MT + "/config/thirdparty", "{}"));

    assertError(
        400,
        "Invalid third party config: a non empty string value must be specified for keyId, teamId"
            + " and privateKey in the additionalConfig for Apple provider",
        post(base + "/t1" + MT + "/config/thirdparty/remove", "{\"thirdPartyId\":\"google\"}"),
        "as in the original, a removal checks the providers that remain");
    for (String id : new String[] {"apple", "google"}) {
      assertEquals(
          "{\"status\":\"OK\",\"didConfigExist\":true}\n",
          post(base + "/t1" + MT + "/config/thirdparty/remove", "{\"thirdPartyId\":\"" + id + "\"}")
              .body());
    }
    assertEquals(
        "{\"status\":\"OK\",\"didConfigExist\":false}\n",
        post(base + "/t1" + MT + "/config/thirdparty/remove", "{\"thirdPartyId\":\"google\"}")
            .body());
    assertEquals(
        "[]",
        get(base + "/t1" + MT + "/tenant/v2").json().get("thirdParty").get("providers").toString());
    assertError(
        400,
        "AppId or tenantId not found => Tenant with the following connectionURIDomain, appId and"
            + " tenantId combination not found: (, "
            + app
            + ", t9)",
        post(base + "/t9" + MT + "/config/thirdparty/remove", "{\"thirdPartyId\":\"google\"}"));
  }

  // ---- users of a tenant (the rest, with real sign-ups, in TenantUsersTest)

  @Test
  void associatingAnUnknownUserIsAStatus() {
    String app = createApp("");
    put("/appid-" + app + MT + "/tenant/v2", "{\"tenantId\":\"t1\"}");
    assertEquals(
        "{\"status\":\"UNKNOWN_USER_ID_ERROR\"}\n",
        post("/appid-" + app + "/t1" + MT + "/tenant/user", "{\"recipeUserId\":\"nobody\"}")
            .body());
    assertEquals(
        "{\"status\":\"UNKNOWN_USER_ID_ERROR\"}\n",
        post("/appid-" + app + "/t1" + MT + "/tenant/user/remove", "{\"recipeUserId\":\"nobody\"}")
            .body());
    assertError(
        400,
        "Field name 'userId' cannot be an empty String",
        post("/appid-" + app + "/t1" + MT + "/tenant/user", "{\"recipeUserId\":\" \"}"));
    assertError(
        400,
        "Field name 'recipeUserId' is invalid in JSON input",
        post("/appid-" + app + "/t1" + MT + "/tenant/user", "{\"userId\":\"x\"}"));
  }
}
