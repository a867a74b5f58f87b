package io.authcore.recipe.bulkimport;

import static io.authcore.recipe.bulkimport.BulkCalls.cdi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Json;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.support.webauthn.Ceremony;
import io.authcore.support.webauthn.SoftwareAuthenticator;
import java.time.Duration;

/** Signing imported users in through Authcore's own endpoints, as the SDKs do. */
final class SignIns {
  private final Http http;

  SignIns(Http http) {
    this.http = http;
  }

  /** Signs in with a password; returns the user. */
  JsonNode emailPassword(String prefix, String email, String password) {
    Reply reply =
        http.post(
            prefix + "/recipe/signin",
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
            cdi("5.4"));
    return ok(reply).get("user");
  }

  Reply wrongPassword(String prefix, String email) {
    return http.post(
        prefix + "/recipe/signin",
        "{\"email\":\"" + email + "\",\"password\":\"not-the-password\"}",
        cdi("5.4"));
  }

  /** Signs in with a provider's account; it must exist already. Returns the user. */
  JsonNode thirdParty(String prefix, String id, String userId, String email) {
    Reply reply =
        http.post(
            prefix + "/recipe/signinup",
            "{\"thirdPartyId\":\""
                + id
                + "\",\"thirdPartyUserId\":\""
                + userId
                + "\",\"email\":{\"id\":\""
                + email
                + "\",\"isVerified\":false}}",
            cdi("5.4"));
    JsonNode out = ok(reply);
    assertFalse(out.get("createdNewUser").booleanValue(), reply.body());
    return out.get("user");
  }

  /** Signs in with a one-time code sent to an email or phone number; returns the user. */
  JsonNode passwordless(String prefix, String field, String value) {
    JsonNode code =
        ok(
            http.post(
                prefix + "/recipe/signinup/code",
                "{\"" + field + "\":\"" + value + "\"}",
                cdi("5.4")));
    Reply consumed =
        http.post(
            prefix + "/recipe/signinup/code/consume",
            "{\"preAuthSessionId\":\""
                + code.get("preAuthSessionId").textValue()
                + "\",\"deviceId\":\""
                + code.get("deviceId").textValue()
                + "\",\"userInputCode\":\""
                + code.get("userInputCode").textValue()
                + "\"}",
            cdi("5.4"));
    JsonNode out = ok(consumed);
    assertFalse(out.get("createdNewUser").booleanValue(), consumed.body());
    return out.get("user");
  }

  /** The relying party imported passkeys belong to in these tests. */
  static final String RP_ID = "example.com";

  static final String ORIGIN = "https://example.com";

  /** Signs in with a passkey, with sign-in options of the tenant; the answer as it comes. */
  Reply webAuthnReply(String prefix, SoftwareAuthenticator passkey) {
    return webAuthnReply(prefix, passkey, c -> c);
  }

  /** The same, the browser's ceremony as bent. */
  Reply webAuthnReply(
      String prefix,
      SoftwareAuthenticator passkey,
      java.util.function.UnaryOperator<Ceremony> bend) {
    JsonNode options =
        ok(
            http.post(
                prefix + "/recipe/webauthn/options/signin",
                "{\"relyingPartyId\":\""
                    + RP_ID
                    + "\",\"relyingPartyName\":\"Example\",\"origin\":\""
                    + ORIGIN
                    + "\",\"timeout\":600000}",
                cdi("5.4")));
    ObjectNode body = Json.object();
    body.put("webauthnGeneratedOptionsId", options.get("webauthnGeneratedOptionsId").textValue());
    body.set(
        "credential",
        passkey.signIn(
            bend.apply(Ceremony.of(options.get("challenge").textValue(), ORIGIN, RP_ID))));
    return http.post(prefix + "/recipe/webauthn/signin", body.toString(), cdi("5.4"));
  }

  /** Signs in with a passkey; returns the user. */
  JsonNode webAuthn(String prefix, SoftwareAuthenticator passkey) {
    return ok(webAuthnReply(prefix, passkey)).get("user");
  }

  static JsonNode ok(Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    assertEquals("OK", reply.json().path("status").textValue(), reply.body());
    return reply.json();
  }

  /** Waits until the app's queue holds no user that waits (NEW or PROCESSING). */
  static void awaitDrained(BulkCalls bulk, String prefix, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (bulk.countOf(prefix, "NEW") + bulk.countOf(prefix, "PROCESSING") > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the queue was not drained in " + timeout);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
