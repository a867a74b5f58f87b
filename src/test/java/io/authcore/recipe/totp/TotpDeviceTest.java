package io.authcore.recipe.totp;

import static io.authcore.recipe.totp.TotpCalls.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Device create, import, rename, list, remove and bulk status, with the original 11.4.7's answers.
 */
class TotpDeviceTest extends ServerOnEachBackend {
  TotpCalls totp;
  String user;

  @BeforeEach
  void calls() {
    totp = new TotpCalls(http);
    user = "totp-" + UUID.randomUUID();
  }

  private String secret(Reply reply) {
    return reply.json().get("secret").asText();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.7", "2.21", "3.0", "4.0", "5.0", "5.4"})
  void createAndListAtEveryVersion(String version) {
    Reply auto = totp.create(version, "{\"userId\":\"" + user + "\",\"skew\":0,\"period\":30}");
    assertTrue(secret(auto).matches("[A-Z2-7]{32}"), auto.body());
    assertEquals(
        "200 {\"status\":\"OK\",\"deviceName\":\"TOTP Device 0\",\"secret\":\""
            + secret(auto)
            + "\"}",
        shape(auto));
    Reply named =
        totp.create(
            version, "{\"userId\":\"" + user + "\",\"deviceName\":\"d\",\"skew\":1,\"period\":30}");
    assertEquals(
        "200 {\"status\":\"OK\",\"deviceName\":\"d\",\"secret\":\"" + secret(named) + "\"}",
        shape(named));
    assertEquals(
        "200 {\"status\":\"OK\",\"devices\":[{\"name\":\"TOTP Device 0\",\"period\":30,\"skew\":0,"
            + "\"verified\":false},{\"name\":\"d\",\"period\":30,\"skew\":1,\"verified\":false}]}",
        shape(totp.list(version, user)));
  }

  @Test
  void anUnverifiedDeviceIsReplacedAVerifiedOneIsNot() {
    String first = totp.secretOf(user, "d", 1, 30);
    String second = totp.secretOf(user, "d", 1, 30);
    assertTrue(!first.equals(second));
    assertEquals(
        "200 {\"status\":\"OK\",\"wasAlreadyVerified\":false}",
        shape(
            totp.verifyDevice(
                "5.4", user, "d", TotpCalls.code(second, 30, System.currentTimeMillis()))));
    assertEquals(
        "200 {\"status\":\"DEVICE_ALREADY_EXISTS_ERROR\"}",
        shape(
            totp.create(
                "5.4",
                "{\"userId\":\"" + user + "\",\"deviceName\":\"d\",\"skew\":1,\"period\":30}")));
    // Verifying a verified device again does not look at the code.
    assertEquals(
        "200 {\"status\":\"OK\",\"wasAlreadyVerified\":true}",
        shape(totp.verifyDevice("5.4", user, "d", "000")));
  }

  @Test
  void autoNamesStartAtTheNumberOfVerifiedDevices() {
    totp.importDevice(
        "5.4", "{\"userId\":\"" + user + "\",\"skew\":1,\"period\":30,\"secretKey\":\"ABCDEFGH\"}");
    assertEquals(
        "200 {\"status\":\"OK\",\"deviceName\":\"TOTP Device 1\"}",
        shape(
            totp.importDevice(
                "5.4",
                "{\"userId\":\""
                    + user
                    + "\",\"skew\":1,\"period\":30,\"secretKey\":\"ABCDEFGH\"}")));
    totp.remove("5.4", user, "TOTP Device 0");
    // One verified device ("TOTP Device 1", taken): the next free name is 2.
    assertEquals(
        "TOTP Device 2",
        totp.create("5.4", "{\"userId\":\"" + user + "\",\"skew\":1,\"period\":30}")
            .json()
            .get("deviceName")
            .asText());
    // An unverified "TOTP Device 2" is replaced by the next unnamed device.
    assertEquals(
        "TOTP Device 2",
        totp.create("2.21", "{\"userId\":\"" + user + "\",\"skew\":1,\"period\":30}")
            .json()
            .get("deviceName")
            .asText());
  }

  @Test
  void importedDevicesAreVerifiedAndNamedDevicesCannotBeImportedTwice() {
    String body =
        "{\"userId\":\""
            + user
            + "\",\"deviceName\":\"e\",\"skew\":1,\"period\":30,\"secretKey\":\"IV3VTHPURXJ75HKPWXZ2O6F6CUBSOSI5\"}";
    assertEquals(
        "200 {\"status\":\"OK\",\"deviceName\":\"e\"}", shape(totp.importDevice("5.0", body)));
    assertEquals(
        "200 {\"status\":\"DEVICE_ALREADY_EXISTS_ERROR\"}", shape(totp.importDevice("5.4", body)));
    assertEquals(
        "200 {\"status\":\"OK\",\"devices\":[{\"name\":\"e\",\"period\":30,\"skew\":1,\"verified\":true}]}",
        shape(totp.list("5.4", user)));
  }

  @Test
  void renameAnswersAsTheOriginal() {
    totp.secretOf(user, "d", 1, 30);
    totp.secretOf(user, "TOTP Device 1", 1, 30);
    assertEquals(
        "200 {\"status\":\"DEVICE_ALREADY_EXISTS_ERROR\"}",
        shape(
            totp.rename(
                "5.4",
                "{\"userId\":\""
                    + user
                    + "\",\"existingDeviceName\":\"d\",\"newDeviceName\":\"TOTP Device 1\"}")));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_DEVICE_ERROR\"}",
        shape(
            totp.rename(
                "5.4",
                "{\"userId\":\""
                    + user
                    + "\",\"existingDeviceName\":\"zz\",\"newDeviceName\":\"q\"}")));
    assertEquals(
        "200 {\"status\":\"OK\"}",
        shape(
            totp.rename(
                "5.4",
                "{\"userId\":\""
                    + user
                    + "\",\"existingDeviceName\":\"d\",\"newDeviceName\":\"e\"}")));
    // Listed by name, upper case before lower case, as the original's primary key orders them.
    assertEquals(
        "200 {\"status\":\"OK\",\"devices\":[{\"name\":\"TOTP Device 1\",\"period\":30,\"skew\":1,"
            + "\"verified\":false},{\"name\":\"e\",\"period\":30,\"skew\":1,\"verified\":false}]}",
        shape(totp.list("5.4", user)));
  }

  @Test
  void removingTheLastDeviceForgetsTheUser() {
    totp.secretOf(user, "d", 1, 30);
    assertEquals(
        "200 {\"status\":\"OK\",\"didDeviceExist\":false}",
        shape(totp.remove("5.4", user, "nope")));
    assertEquals(
        "200 {\"status\":\"OK\",\"didDeviceExist\":true}", shape(totp.remove("5.4", user, "d")));
    assertEquals("200 {\"status\":\"OK\",\"devices\":[]}", shape(totp.list("5.4", user)));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}", shape(totp.verify("5.4", user, "123456")));
  }

  @Test
  void bulkStatusIsNullFalseOrTrue() {
    String verified = user + "-v";
    String unverified = user + "-u";
    totp.importDevice(
        "5.4", "{\"userId\":\"" + verified + "\",\"skew\":1,\"period\":30,\"secretKey\":\"ABCD\"}");
    totp.secretOf(unverified, null, 1, 30);
    assertEquals(
        "200 {\"status\":\"OK\",\"users\":[{\"userId\":\""
            + verified
            + "\",\"hasVerifiedDevice\":true},"
            + "{\"userId\":\""
            + unverified
            + "\",\"hasVerifiedDevice\":false},"
            + "{\"userId\":\"none\",\"hasVerifiedDevice\":null}]}",
        shape(
            totp.bulk(
                "2.21", "{\"userIds\":[\"" + verified + "\",\"" + unverified + "\",\"none\"]}")));
    assertEquals(
        "200 {\"status\":\"OK\",\"users\":[]}", shape(totp.bulk("5.4", "{\"userIds\":[]}")));
    assertEquals(
        "400 userIds array must contain only strings",
        shape(totp.bulk("5.4", "{\"userIds\":[1]}")));
    assertEquals(
        "400 Field name 'userIds' is invalid in JSON input", shape(totp.bulk("5.4", "{}")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"userId\":\"\",\"skew\":1,\"period\":30}|userId cannot be empty",
        "{\"userId\":\"x\",\"deviceName\":\"\",\"skew\":1,\"period\":30}|deviceName cannot be empty",
        "{\"userId\":\"x\",\"skew\":-1,\"period\":30}|skew must be >= 0",
        "{\"userId\":\"x\",\"skew\":1,\"period\":0}|period must be > 0",
        "{\"userId\":\"x\",\"period\":0}|Field name 'skew' is invalid in JSON input",
        "{\"userId\":\"x\",\"skew\":true,\"period\":30}|Field name 'skew' is invalid in JSON input",
        "{\"userId\":\"x\",\"skew\":1,\"period\":\"1.5\"}|Field name 'period' is invalid in JSON input",
        "{\"userId\":\"x\",\"skew\":1,\"period\":3000000000}|period must be > 0",
        "{\"userId\":\"x\",\"skew\":1,\"period\":30,\"deviceName\":null}|Field name 'deviceName' is invalid in JSON input"
      })
  void createRefusesBadInput(String body, String text) {
    assertEquals("400 " + text, shape(totp.create("5.4", body)));
  }

  @Test
  void numericStringsAndDecimalsAreReadAsGsonReadsThem() {
    assertEquals(
        "TOTP Device 0",
        totp.create("5.4", "{\"userId\":\"" + user + "\",\"skew\":\"2\",\"period\":\"30\"}")
            .json()
            .get("deviceName")
            .asText());
    assertEquals(
        "200 {\"status\":\"OK\",\"devices\":[{\"name\":\"TOTP Device 0\",\"period\":30,\"skew\":2,\"verified\":false}]}",
        shape(totp.list("5.4", user)));
    totp.create(
        "5.4", "{\"userId\":\"" + user + "\",\"deviceName\":\"d\",\"skew\":1.5,\"period\":30}");
    assertEquals(1, totp.list("5.4", user).json().get("devices").get(1).get("skew").asInt());
  }

  @Test
  void otherEndpointsRefuseBadInput() {
    assertEquals(
        "400 secretKey cannot be empty",
        shape(
            totp.importDevice(
                "5.4", "{\"userId\":\"x\",\"skew\":-1,\"period\":30,\"secretKey\":\"\"}")));
    assertEquals(
        "400 Field name 'secretKey' is invalid in JSON input",
        shape(totp.importDevice("5.4", "{\"userId\":\"\",\"skew\":1,\"period\":30}")));
    assertEquals(
        "400 existingDeviceName cannot be empty",
        shape(
            totp.rename(
                "5.4", "{\"userId\":\"x\",\"existingDeviceName\":\"\",\"newDeviceName\":\"\"}")));
    assertEquals(
        "400 newDeviceName cannot be empty",
        shape(
            totp.rename(
                "5.4", "{\"userId\":\"x\",\"existingDeviceName\":\"a\",\"newDeviceName\":\"\"}")));
    assertEquals("400 userId cannot be empty", shape(totp.list("5.4", "")));
    assertEquals(
        "400 Field name 'userId' is missing in GET request",
        shape(http.get("/recipe/totp/device/list", TotpCalls.cdi("5.4"))));
    assertEquals("400 deviceName cannot be empty", shape(totp.remove("5.4", "x", "")));
    assertEquals("400 deviceName cannot be empty", shape(totp.verifyDevice("5.4", "x", "", "1")));
    assertEquals("400 userId cannot be empty", shape(totp.verify("5.4", "", "1")));
    assertEquals(
        "400 Field name 'totp' is invalid in JSON input",
        shape(
            http.post(
                "/recipe/totp/device/verify",
                "{\"userId\":\"x\",\"deviceName\":\"a\"}",
                TotpCalls.cdi("5.4"))));
    assertEquals("200 {\"status\":\"OK\",\"devices\":[]}", shape(totp.list("5.4", "x")));
  }

  @Test
  void valuesLongerThanTheirColumnsAreRefusedNothingWritten() {
    String longId = "u".repeat(129);
    assertEquals(
        "400 Field name 'userId' cannot be longer than 128 characters",
        shape(totp.create("5.4", "{\"userId\":\"" + longId + "\",\"skew\":1,\"period\":30}")));
    assertEquals(
        "400 Field name 'deviceName' cannot be longer than 256 characters",
        shape(
            totp.create(
                "5.4",
                "{\"userId\":\""
                    + user
                    + "\",\"deviceName\":\""
                    + "d".repeat(257)
                    + "\",\"skew\":1,\"period\":30}")));
    assertEquals(
        "400 Field name 'secretKey' cannot be longer than 256 characters",
        shape(
            totp.importDevice(
                "5.4",
                "{\"userId\":\""
                    + user
                    + "\",\"skew\":1,\"period\":30,\"secretKey\":\""
                    + "A".repeat(257)
                    + "\"}")));
    assertEquals("200 {\"status\":\"OK\",\"devices\":[]}", shape(totp.list("5.4", user)));
    assertEquals(
        "d".repeat(256),
        totp.create(
                "5.4",
                "{\"userId\":\""
                    + user
                    + "\",\"deviceName\":\""
                    + "d".repeat(256)
                    + "\",\"skew\":1,\"period\":30}")
            .json()
            .get("deviceName")
            .asText());
    assertEquals(
        "400 Field name 'newDeviceName' cannot be longer than 256 characters",
        shape(
            totp.rename(
                "5.4",
                "{\"userId\":\""
                    + user
                    + "\",\"existingDeviceName\":\"a\",\"newDeviceName\":\""
                    + "e".repeat(257)
                    + "\"}")));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}", shape(totp.verify("5.4", longId, "1")));
  }

  @Test
  void deviceEndpointsAreAppSpecificFromCdi5() {
    assertEquals(
        "403 Only public tenantId can call this app specific API",
        shape(
            http.post(
                "/t1/recipe/totp/device",
                "{\"userId\":\"x\",\"skew\":1,\"period\":30}",
                TotpCalls.cdi("5.4"))));
    assertEquals(
        "400 AppId or tenantId not found => Tenant with the following connectionURIDomain, appId and"
            + " tenantId combination not found: (, public, t1)",
        shape(totp.verify("5.4", "/t1", "x", "1")));
  }
}
