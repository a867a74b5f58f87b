package io.authcore.recipe.bulkimport;

import static io.authcore.recipe.bulkimport.BulkCalls.emailPassword;
import static io.authcore.recipe.bulkimport.BulkCalls.emailPasswordMethod;
import static io.authcore.recipe.bulkimport.BulkCalls.errorsAt;
import static io.authcore.recipe.bulkimport.BulkCalls.refused;
import static io.authcore.recipe.bulkimport.BulkCalls.user;
import static io.authcore.recipe.bulkimport.BulkCalls.users;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.jobs.BulkMigration;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A user with a problem is refused with the original's words, per index, and then nothing of the
 * request is queued, as in the original 11.4.7 on PostgreSQL. The texts marked "the original's
 * source" come from its {@code BulkImportUserUtils} where the original without a licence stops
 * earlier (at "Multitenancy must be enabled ...", "MFA must be enabled ...", "Account linking must
 * be enabled ..."): here every feature is on.
 */
class BulkImportValidationTest extends ServerOnEachBackend {
  static final String EP = "\"recipeId\":\"emailpassword\",\"email\":\"x\",";

  @Override
  protected Map<String, String> environment() {
    return Map.of(BulkMigration.ENABLED_VARIABLE, "false");
  }

  BulkCalls bulk() {
    return new BulkCalls(http);
  }

  /** Each user alone, then all in one request: each index keeps its errors, nothing is queued. */
  void assertRefused(String app, Map<String, List<String>> cases) {
    List<String> perIndex = new java.util.ArrayList<>();
    List<String> bodies = new java.util.ArrayList<>(cases.keySet());
    for (int i = 0; i < bodies.size(); i++) {
      String[] errors = cases.get(bodies.get(i)).toArray(String[]::new);
      Reply alone = bulk().add(app, users(bodies.get(i)), "5.4");
      assertEquals(400, alone.status(), bodies.get(i));
      assertEquals(refused(List.of(errorsAt(0, errors))), withoutIds(alone.text()), bodies.get(i));
      perIndex.add(errorsAt(i + 1, errors));
    }
    String good = emailPassword(BulkCalls.fresh("good") + "@example.com");
    Reply all = bulk().add(app, users(good, String.join(",", bodies)), "5.4");
    assertEquals(refused(perIndex), withoutIds(all.text()));
    assertEquals(0, bulk().countOf(app, null));
  }

  static String withoutIds(String text) {
    return text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
  }

  @Test
  void theOriginalsTextsForEachProblem() {
    Map<String, List<String>> cases = new LinkedHashMap<>();
    cases.put("{}", List.of("loginMethods is required."));
    cases.put("{\"loginMethods\":[]}", List.of("At least one loginMethod is required."));
    cases.put("{\"loginMethods\":[{}]}", List.of("recipeId is required for a loginMethod."));
    List<String> types =
        List.of(
            "externalUserId should be of type string.",
            "userMetadata should be of type object.",
            "userRoles should be of type array of object.",
            "totpDevices should be of type array of object.",
            "loginMethods should be of type array of object.");
    cases.put(
        "{\"externalUserId\":1,\"userMetadata\":[],\"userRoles\":{},\"totpDevices\":{},"
            + "\"loginMethods\":{}}",
        types);
    cases.put(
        "{\"externalUserId\":\"  \",\"userMetadata\":null,\"userRoles\":[1],\"totpDevices\":[1],"
            + "\"loginMethods\":[1]}",
        types);
    cases.put(
        "{\"loginMethods\":[{\"recipeId\":\"foo\"}]}",
        List.of(
            "Invalid recipeId for loginMethod. Pass one of emailpassword, thirdparty or,"
                + " passwordless!"));
    cases.put(
        "{\"loginMethods\":[{\"recipeId\":1,\"tenantIds\":\"x\",\"isVerified\":\"t\","
            + "\"isPrimary\":1,\"timeJoinedInMSSinceEpoch\":\"x\"}]}",
        List.of(
            "recipeId should be of type string for a loginMethod.",
            "tenantIds should be of type array of string for a loginMethod.",
            "isVerified should be of type boolean for a loginMethod.",
            "isPrimary should be of type boolean for a loginMethod.",
            "timeJoinedInMSSinceEpoch should be of type integer for a loginMethod"));
    cases.put(
        "{\"loginMethods\":[{\"recipeId\":\"emailpassword\"}]}",
        List.of(
            "email is required for an emailpassword recipe.",
            "Either (passwordHash, hashingAlgorithm) or plainTextPassword is required for an"
                + " emailpassword recipe."));
    cases.put(
        "{\"loginMethods\":[{" + EP + "\"passwordHash\":\"x\",\"hashingAlgorithm\":\"md5\"}]}",
        List.of(
            "Invalid hashingAlgorithm for emailpassword recipe. Pass one of bcrypt, argon2 or,"
                + " firebase_scrypt!"));
    cases.put(
        "{\"loginMethods\":[{" + EP + "\"passwordHash\":\"x\",\"hashingAlgorithm\":\"bcrypt\"}]}",
        List.of("Password hash is in invalid BCrypt format"));
    cases.put(
        "{\"loginMethods\":[{" + EP + "\"passwordHash\":\"x\",\"hashingAlgorithm\":\"argon2\"}]}",
        List.of("Password hash is in invalid Argon2 format"));
    cases.put(
        "{\"loginMethods\":[{\"recipeId\":\"thirdparty\"}]}",
        List.of(
            "email is required for a thirdparty recipe.",
            "thirdPartyId is required for a thirdparty recipe.",
            "thirdPartyUserId is required for a thirdparty recipe."));
    cases.put(
        "{\"loginMethods\":[{\"recipeId\":\"passwordless\"}]}",
        List.of("Either email or phoneNumber is required for a passwordless recipe."));
    cases.put(
        "{\"loginMethods\":[{"
            + EP
            + "\"plainTextPassword\":\"x\",\"timeJoinedInMSSinceEpoch\":-1}]}",
        List.of("timeJoined cannot be < 0 for a loginMethod."));
    cases.put(
        "{\"loginMethods\":[{"
            + EP
            + "\"plainTextPassword\":\"x\",\"timeJoinedInMSSinceEpoch\":99999999999999}]}",
        List.of("timeJoined cannot be in future for a loginMethod."));
    cases.put(
        "{\"loginMethods\":["
            + emailPasswordMethod("a@x.com", ",\"isPrimary\":true")
            + ","
            + emailPasswordMethod("b@x.com", ",\"isPrimary\":true")
            + "]}",
        List.of("No two loginMethods can have isPrimary as true."));
    cases.put(
        "{\"loginMethods\":[{"
            + "\"recipeId\":\"emailpassword\",\"email\":\"a=b<c>@x.com\",\"plainTextPassword\":"
            + "\"p=\\u00e9\",\"tenantIds\":[],\"timeJoinedInMSSinceEpoch\":5}]}",
        List.of(
            "LoginMethod '{\"tenantIds\":[],\"isVerified\":false,\"isPrimary\":false,"
                + "\"timeJoinedInMSSinceEpoch\":5,\"recipeId\":\"emailpassword\",\"email\":"
                + "\"a=b<c>@x.com\",\"plainTextPassword\":\"p=\u00e9\",\"superTokensUserId\":"
                + "\"<id>\"}' has no tenantId"));
    assertRefused(bulk().freshApp(), cases);
  }

  @Test
  void tenantsRolesDevicesAndIdsAreCheckedAsTheOriginalsSourceSays() {
    String app = bulk().freshApp();
    bulk().createTenant(app, "t1");
    bulk().createRole(app, "r1");
    Map<String, List<String>> cases = new LinkedHashMap<>();
    cases.put(
        user("", emailPasswordMethod("a@x.com", ",\"tenantIds\":[\"nope\",\"T1\"]")),
        List.of("Invalid tenantId: nope for emailpassword recipe."));
    cases.put(
        "{\"loginMethods\":[{\"recipeId\":\"passwordless\",\"email\":\"p@x.com\",\"tenantIds\":"
            + "[\"nope\"],\"timeJoinedInMSSinceEpoch\":7}]}",
        List.of(
            "Invalid tenantId: nope for passwordless recipe.",
            "LoginMethod '{\"tenantIds\":[],\"isVerified\":false,\"isPrimary\":false,"
                + "\"timeJoinedInMSSinceEpoch\":7,\"recipeId\":\"passwordless\",\"email\":"
                + "\"p@x.com\",\"superTokensUserId\":\"<id>\"}' has no tenantId"));
    cases.put(
        user(
            "\"userRoles\":[{\"role\":\"r2\",\"tenantIds\":[\"t1\"]}]",
            emailPasswordMethod("b@x.com", "")),
        List.of(
            "Role r2 does not exist.",
            "TenantId t1 for a user role does not exist in loginMethods."));
    // The original fails with a 500 here (its check reads the role it could not read).
    cases.put(
        user("\"userRoles\":[{}]", emailPasswordMethod("c@x.com", "")),
        List.of("role is required for a user role.", "tenantIds is required for a user role."));
    cases.put(
        user(
            "\"totpDevices\":[{\"secretKey\":\"s\",\"period\":0,\"skew\":-1},{\"period\":\"x\"}]",
            emailPasswordMethod("d@x.com", "")),
        List.of(
            "period should be > 0 for a totp device.",
            "skew should be >= 0 for a totp device.",
            "secretKey is required for a totp device.",
            "period should be of type integer for a totp device."));
    String longId = "e".repeat(129);
    cases.put(
        user("\"externalUserId\":\"" + longId + "\"", emailPasswordMethod("e@x.com", "")),
        List.of("externalUserId " + longId + " is too long. Max length is 128."));
    cases.put(
        "{\"loginMethods\":[{"
            + EP
            + "\"passwordHash\":\"$2a$31$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy\","
            + "\"hashingAlgorithm\":\"bcrypt\"}]}",
        List.of("Password hash is too costly to verify: BCrypt cost cannot be more than 14"));
    cases.put(
        "{\"loginMethods\":[{"
            + EP
            + "\"passwordHash\":\"x\",\"hashingAlgorithm\":\"firebase_scrypt\"}]}",
        List.of(
            "'firebase_password_hashing_signer_key' cannot be null: set it to import Firebase"
                + " SCrypt password hashes"));
    assertRefused(app, cases);
  }

  @Test
  void anExternalIdAppearsOnceInARequest() {
    String app = bulk().freshApp();
    String same = "\"externalUserId\":\"ext\"";
    Reply reply =
        bulk()
            .add(
                app,
                users(
                    user(same, emailPasswordMethod("a@x.com", "")),
                    user(same, emailPasswordMethod("b@x.com", ""))),
                "5.4");
    assertEquals(
        refused(
            List.of(
                errorsAt(
                    1, "externalUserId ext is not unique. It is already used by another user."))),
        reply.text());
    assertEquals(0, bulk().countOf(app, null));
  }
}
