package io.authcore.recipe.totp;

import io.authcore.crypto.Totp;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;

/** The TOTP endpoints as a client calls them, and the codes a user's authenticator would show. */
final class TotpCalls {
  private final Http http;

  TotpCalls(Http http) {
    this.http = http;
  }

  static String[] cdi(String version) {
    return new String[] {"cdi-version", version, "content-type", "application/json"};
  }

  /** Status code and body, without the trailing newline. */
  static String shape(Reply reply) {
    return reply.status() + " " + reply.body().strip();
  }

  /** The code of a secret at a time, 6 digits. */
  static String code(String secret, int period, long millis) {
    return Totp.code(secret, period, millis, Totp.DIGITS);
  }

  Reply create(String version, String body) {
    return http.post("/recipe/totp/device", body, cdi(version));
  }

  /** Creates a device and returns its secret. */
  String secretOf(String userId, String deviceName, int skew, int period) {
    String name = deviceName == null ? "" : ",\"deviceName\":\"" + deviceName + "\"";
    Reply reply =
        create(
            "5.4",
            "{\"userId\":\""
                + userId
                + "\""
                + name
                + ",\"skew\":"
                + skew
                + ",\"period\":"
                + period
                + "}");
    return reply.json().get("secret").asText();
  }

  Reply importDevice(String version, String body) {
    return http.post("/recipe/totp/device/import", body, cdi(version));
  }

  Reply rename(String version, String body) {
    return http.put("/recipe/totp/device", body, cdi(version));
  }

  Reply list(String version, String userId) {
    return http.get("/recipe/totp/device/list?userId=" + userId, cdi(version));
  }

  Reply remove(String version, String userId, String deviceName) {
    return http.post(
        "/recipe/totp/device/remove",
        "{\"userId\":\"" + userId + "\",\"deviceName\":\"" + deviceName + "\"}",
        cdi(version));
  }

  Reply bulk(String version, String body) {
    return http.post("/recipe/totp/device/status/bulk", body, cdi(version));
  }

  Reply verifyDevice(String version, String userId, String deviceName, String totp) {
    return http.post(
        "/recipe/totp/device/verify",
        "{\"userId\":\""
            + userId
            + "\",\"deviceName\":\""
            + deviceName
            + "\",\"totp\":\""
            + totp
            + "\"}",
        cdi(version));
  }

  Reply verify(String version, String userId, String totp) {
    return verify(version, "", userId, totp);
  }

  Reply verify(String version, String tenantPrefix, String userId, String totp) {
    return http.post(
        tenantPrefix + "/recipe/totp/verify",
        "{\"userId\":\"" + userId + "\",\"totp\":\"" + totp + "\"}",
        cdi(version));
  }
}
