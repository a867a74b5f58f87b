package io.authcore.recipe.bulkimport;

import static io.authcore.recipe.bulkimport.BulkCalls.ARGON2;
import static io.authcore.recipe.bulkimport.BulkCalls.BCRYPT;
import static io.authcore.recipe.bulkimport.BulkCalls.FIREBASE;
import static io.authcore.recipe.bulkimport.BulkCalls.PASSWORD;
import static io.authcore.recipe.bulkimport.BulkCalls.cdi;
import static io.authcore.recipe.bulkimport.BulkCalls.emailPassword;
import static io.authcore.recipe.bulkimport.BulkCalls.fresh;
import static io.authcore.recipe.bulkimport.BulkCalls.passwordlessMethod;
import static io.authcore.recipe.bulkimport.BulkCalls.thirdPartyMethod;
import static io.authcore.recipe.bulkimport.BulkCalls.user;
import static io.authcore.recipe.bulkimport.SignIns.awaitDrained;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.crypto.Totp;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Queued users of every login-method kind are imported in the background and then sign in through
 * Authcore's own endpoints, on both storages: email-password with a bcrypt, argon2 or Firebase
 * scrypt hash or a plain-text password, third-party, passwordless by email and by phone, a primary
 * user with linked methods in two tenants, with its external id, metadata, roles, TOTP device and
 * verified email.
 */
class BulkImportDrainTest extends ServerOnEachBackend {
  static final Duration DRAIN = Duration.ofSeconds(60);

  @Override
  protected Map<String, String> overrides() {
    return Map.of("firebase_password_hashing_signer_key", BulkCalls.FIREBASE_KEY);
  }

  BulkCalls bulk() {
    return new BulkCalls(http);
  }

  SignIns signIns() {
    return new SignIns(http);
  }

  static String hashed(String email, String hash, String algorithm) {
    return "{\"loginMethods\":[{\"recipeId\":\"emailpassword\",\"email\":\""
        + email
        + "\",\"passwordHash\":\""
        + hash
        + "\",\"hashingAlgorithm\":\""
        + algorithm
        + "\"}]}";
  }

  @Test
  void everyLoginMethodKindIsImportedAndSignsIn() {
    String app = bulk().freshApp();
    bulk().createTenant(app, "t1");
    String bcrypt = fresh("bcrypt") + "@example.com";
    String argon2 = fresh("argon2") + "@example.com";
    String firebase = fresh("firebase") + "@example.com";
    String plain = fresh("plain") + "@example.com";
    String tpUser = fresh("g");
    String plEmail = fresh("pl") + "@example.com";
    String phone = "+1650555" + (1000 + (int) (Math.random() * 8999));
    String inT1 = fresh("t1only") + "@example.com";
    bulk()
        .queue(
            app,
            hashed(bcrypt, BCRYPT, "bcrypt"),
            hashed(argon2, ARGON2, "argon2"),
            hashed(firebase, FIREBASE, "firebase_scrypt"),
            user(
                "",
                "{\"recipeId\":\"emailpassword\",\"email\":\""
                    + plain
                    + "\",\"plainTextPassword\":\"plain-Pass1\"}"),
            user("", thirdPartyMethod("tp@example.com", "google", tpUser, "")),
            user("", passwordlessMethod("email", plEmail, "")),
            user("", passwordlessMethod("phoneNumber", phone, "")),
            user("", BulkCalls.emailPasswordMethod(inT1, ",\"tenantIds\":[\"t1\"]")));
    awaitDrained(bulk(), app, DRAIN);
    assertEquals(0, bulk().countOf(app, null));

    for (String email : new String[] {bcrypt, argon2, firebase}) {
      String password = email.equals(argon2) ? BulkCalls.ARGON2_PASSWORD : PASSWORD;
      assertEquals(
          email, signIns().emailPassword(app, email, password).get("emails").get(0).textValue());
      assertEquals(
          "WRONG_CREDENTIALS_ERROR",
          signIns().wrongPassword(app, email).json().get("status").textValue());
    }
    signIns().emailPassword(app, plain, "plain-Pass1");
    signIns().thirdParty(app, "google", tpUser, "tp@example.com");
    signIns().passwordless(app, "email", plEmail);
    signIns().passwordless(app, "phoneNumber", phone);
    signIns().emailPassword(app + "/t1", inT1, PASSWORD);
    assertEquals(
        "WRONG_CREDENTIALS_ERROR",
        http.post(
                app + "/recipe/signin",
                "{\"email\":\"" + inT1 + "\",\"password\":\"" + PASSWORD + "\"}",
                cdi("5.4"))
            .json()
            .get("status")
            .textValue());
  }

  @Test
  void aPrimaryUserComesWithItsLinksExternalIdMetadataRolesDeviceAndVerifiedEmail() {
    String app = bulk().freshApp();
    bulk().createTenant(app, "t1");
    bulk().createRole(app, "admin");
    String external = fresh("ext");
    String email = fresh("linked") + "@example.com";
    String tpUser = fresh("gh");
    String secret = "JBSWY3DPEHPK3PXP";
    String phone = "+4420794" + (10000 + (int) (Math.random() * 89999));
    bulk()
        .queue(
            app,
            user(
                "\"externalUserId\":\""
                    + external
                    + "\",\"userMetadata\":{\"plan\":\"gold\",\"gone\":null},"
                    + "\"userRoles\":[{\"role\":\"admin\",\"tenantIds\":[\"public\",\"t1\"]}],"
                    + "\"totpDevices\":[{\"secretKey\":\""
                    + secret
                    + "\",\"period\":30,\"skew\":1,\"deviceName\":\"phone\"},"
                    + "{\"secretKey\":\""
                    + secret
                    + "\"}]",
                BulkCalls.emailPasswordMethod(
                    email,
                    ",\"isPrimary\":true,\"isVerified\":true,\"tenantIds\":[\"public\",\"t1\"],"
                        + "\"timeJoinedInMSSinceEpoch\":1700000000000"),
                thirdPartyMethod(
                    email, "github", tpUser, ",\"timeJoinedInMSSinceEpoch\":1600000000000"),
                passwordlessMethod(
                    "phoneNumber", phone, ",\"tenantIds\":[\"t1\"],\"isVerified\":true")));
    awaitDrained(bulk(), app, DRAIN);

    JsonNode user = signIns().emailPassword(app, email, PASSWORD);
    assertEquals(external, user.get("id").textValue());
    assertTrue(user.get("isPrimaryUser").booleanValue());
    assertEquals("[\"public\",\"t1\"]", user.get("tenantIds").toString());
    assertEquals(1600000000000L, user.get("timeJoined").longValue());
    assertEquals(3, user.get("loginMethods").size());
    assertEquals(
        external, signIns().thirdParty(app, "github", tpUser, email).get("id").textValue());
    assertEquals(
        external, signIns().passwordless(app + "/t1", "phoneNumber", phone).get("id").textValue());
    assertEquals(
        external, signIns().emailPassword(app + "/t1", email, PASSWORD).get("id").textValue());

    Reply metadata = http.get(app + "/recipe/user/metadata?userId=" + external, cdi("5.4"));
    assertEquals("{\"metadata\":{\"plan\":\"gold\"},\"status\":\"OK\"}", metadata.text());
    for (String tenant : new String[] {"", "/t1"}) {
      Reply roles = http.get(app + tenant + "/recipe/user/roles?userId=" + external, cdi("5.4"));
      assertEquals("{\"roles\":[\"admin\"],\"status\":\"OK\"}", roles.text());
    }
    Reply devices = http.get(app + "/recipe/totp/device/list?userId=" + external, cdi("5.4"));
    assertEquals(
        "{\"status\":\"OK\",\"devices\":[{\"name\":\"TOTP Device 0\",\"period\":30,\"skew\":1,"
            + "\"verified\":true},{\"name\":\"phone\",\"period\":30,\"skew\":1,\"verified\":true}]}",
        devices.text());
    String code = Totp.code(secret, 30, System.currentTimeMillis(), Totp.DIGITS);
    Reply verified =
        http.post(
            app + "/recipe/totp/verify",
            "{\"userId\":\"" + external + "\",\"totp\":\"" + code + "\"}",
            cdi("5.4"));
    assertEquals("{\"status\":\"OK\"}", verified.text());
    Reply isVerified =
        http.get(
            app + "/recipe/user/email/verify?userId=" + external + "&email=" + email, cdi("5.4"));
    assertEquals("{\"status\":\"OK\",\"isVerified\":true}", isVerified.text());
  }

  @Test
  void queuedUsersAreImportedAtOnceWhenTheyArePlenty() {
    String app = bulk().freshApp();
    String[] users = new String[1200];
    for (int i = 0; i < users.length; i++) {
      users[i] = emailPassword("many" + i + "@example.com");
    }
    bulk().queue(app, users);
    awaitDrained(bulk(), app, DRAIN);
    assertEquals(0, bulk().countOf(app, null));
    Reply count = http.get(app + "/users/count", cdi("5.4"));
    assertEquals("{\"status\":\"OK\",\"count\":1200}", count.text());
    signIns().emailPassword(app, "many1199@example.com", PASSWORD);
  }
}
