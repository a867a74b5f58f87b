package io.authcore.recipe.webauthn;

import static io.authcore.recipe.webauthn.WebAuthnCalls.ceremony;
import static io.authcore.recipe.webauthn.WebAuthnCalls.id;
import static io.authcore.recipe.webauthn.WebAuthnCalls.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Json;
import io.authcore.support.webauthn.Ceremony;
import io.authcore.support.webauthn.SoftwareAuthenticator;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Hostile ceremonies (anchors §4.5 item 22): each gets the status and reason the original gives
 * (where the original answers a 500, the status its validator meant), never a 500, and leaves
 * nothing behind: no user, no credential, no counter moved, no options consumed.
 */
class WebAuthnHostileTest extends WebAuthnServerTest {
  static final String MALFORMED = "Input data does not match expected form";
  static final String MEGABYTE = base64url(random(1024 * 1024));

  static byte[] random(int n) {
    byte[] bytes = new byte[n];
    new Random(21).nextBytes(bytes);
    return bytes;
  }

  static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static UnaryOperator<ObjectNode> response(String field, String value) {
    return credential -> {
      ((ObjectNode) credential.get("response")).put(field, value);
      return credential;
    };
  }

  static String authenticator(String reason) {
    return "200 {\"status\":\"INVALID_AUTHENTICATOR_ERROR\",\"reason\":" + Json.write(reason) + "}";
  }

  static String credentials(String reason) {
    return "200 {\"status\":\"INVALID_CREDENTIALS_ERROR\",\"reason\":" + Json.write(reason) + "}";
  }

  long userCount() {
    return calls.get("5.4", "/users/count").json().get("count").asLong();
  }

  /** A registration, bent, answered as expected; and nothing written. */
  void refusedSignUp(
      String expected, String extra, UnaryOperator<Ceremony> bend, UnaryOperator<ObjectNode> edit) {
    refusedSignUp(expected, SoftwareAuthenticator.es256(), extra, bend, edit);
  }

  void refusedSignUp(
      String expected,
      SoftwareAuthenticator passkey,
      String extra,
      UnaryOperator<Ceremony> bend,
      UnaryOperator<ObjectNode> edit) {
    long before = userCount();
    String email = "hostile-" + System.nanoTime() + "@x.com";
    JsonNode options = calls.registerOptions("", email, extra);
    ObjectNode credential = edit.apply(passkey.register(bend.apply(ceremony(options))));
    assertEquals(expected, shape(calls.signUp("5.4", "", id(options), credential)));
    assertEquals(before, userCount());
    assertEquals(
        "200 {\"status\":\"OK\",\"users\":[]}",
        shape(calls.get("5.4", "/users/by-accountinfo?doUnionOfAccountInfo=true&email=" + email)));
    // Options of a failed registration stay, as in the original.
    assertEquals("OK", calls.options("", id(options)).json().get("status").asText());
  }

  @Test
  void hostileRegistrationsAreRefusedAndStoreNothing() {
    UnaryOperator<ObjectNode> same = c -> c;
    refusedSignUp(
        authenticator(
            "The collectedClientData 'https://evil.com' origin doesn't match any of the"
                + " preconfigured server origin."),
        "",
        c -> c.origin("https://evil.com"),
        same);
    refusedSignUp(
        authenticator("rpIdHash doesn't match the hash of preconfigured rpId."),
        "",
        c -> c.rpId("evil.com"),
        same);
    refusedSignUp(
        authenticator(
            "Verifier is configured to check user present, but UP flag in authenticatorData is"
                + " not set."),
        ",\"userPresence\":true",
        Ceremony::withoutUserPresence,
        same);
    refusedSignUp(
        authenticator(
            "Verifier is configured to check user verified, but UV flag in authenticatorData is"
                + " not set."),
        ",\"userVerification\":\"required\"",
        c -> c,
        same);
    refusedSignUp(
        authenticator("ClientData.type must be 'create' on registration, but it isn't."),
        "",
        c -> c.type("webauthn.get"),
        same);
    // A challenge replayed from other options.
    String otherChallenge = calls.registerOptions("", "other@x.com", "").get("challenge").asText();
    refusedSignUp(
        authenticator("The actual challenge does not match the expected challenge"),
        "",
        c -> new Ceremony(otherChallenge, c.origin(), c.rpId(), null, true, false, null, null),
        same);
    // Keys no verifier could ever check; the original stores them.
    refusedSignUp(
        authenticator("COSE algorithm 12345 is not supported"),
        "",
        c -> c.coseAlgorithm(12345),
        same);
    refusedSignUp(
        authenticator("COSE algorithm -257 does not match the credential's public key"),
        "",
        c -> c.coseAlgorithm(-257),
        same);
    refusedSignUp(
        authenticator("COSE algorithm -7 does not match the credential's public key"),
        SoftwareAuthenticator.rs256(),
        "",
        c -> c.coseAlgorithm(-7),
        same);
    refusedSignUp(
        authenticator("COSE algorithm -8 does not match the credential's public key"),
        "",
        c -> c.coseAlgorithm(-8),
        same);
    // Ids too long for the column, and for the library.
    refusedSignUp(
        authenticator("credentialId exceeds the 256 characters it is stored in"),
        SoftwareAuthenticator.es256().credentialId(base64url(new byte[300])),
        "",
        c -> c,
        same);
    refusedSignUp(
        authenticator("credentialId exceeds maxCredentialIdSize(1023 bytes)"),
        SoftwareAuthenticator.es256().credentialId(base64url(new byte[1100])),
        "",
        c -> c,
        same);
  }

  @Test
  void malformedRegistrationsAreBadCredentialsNotFiveHundreds() {
    Map<String, UnaryOperator<ObjectNode>> edits = new LinkedHashMap<>();
    edits.put("1 MB attestation object", response("attestationObject", MEGABYTE));
    edits.put("attestation not base64", response("attestationObject", "@@@"));
    edits.put("client data not base64", response("clientDataJSON", "@@@"));
    edits.put("client data not JSON", response("clientDataJSON", base64url("hello".getBytes())));
    edits.put("not CBOR", response("attestationObject", "_____w"));
    byte[] nested = new byte[100_000];
    Arrays.fill(nested, (byte) 0x81); // arrays in arrays, deeper than any parser should go
    edits.put("nested CBOR", response("attestationObject", base64url(nested)));
    edits.put(
        "truncated CBOR",
        c -> {
          String whole = c.get("response").get("attestationObject").asText();
          ((ObjectNode) c.get("response")).put("attestationObject", whole.substring(0, 40));
          return c;
        });
    edits.put(
        "no response",
        c -> {
          c.remove("response");
          return c;
        });
    edits.put(
        "response not an object",
        c -> {
          c.put("response", "x");
          return c;
        });
    edits.forEach(
        (what, edit) -> {
          try {
            refusedSignUp(credentials(MALFORMED), "", c -> c, edit);
          } catch (AssertionError e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
          }
        });
  }

  @Test
  void aRegistrationReplayedStoresNothingMore() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    String email = "replayed-" + System.nanoTime() + "@x.com";
    JsonNode options = calls.registerOptions("", email, "");
    ObjectNode credential = passkey.register(ceremony(options));
    assertEquals(
        "OK", calls.signUp("5.4", "", id(options), credential).json().get("status").asText());
    long users = userCount();
    assertEquals(
        "200 {\"status\":\"EMAIL_ALREADY_EXISTS_ERROR\"}",
        shape(calls.signUp("5.4", "", id(options), credential)));
    // The same credential under another email: the original fails with a 500.
    JsonNode other = calls.registerOptions("", "second-" + email, "");
    assertEquals(
        credentials("Credential already exists"),
        shape(calls.signUp("5.4", "", id(other), passkey.register(ceremony(other)))));
    assertEquals(users, userCount());
  }

  /** A sign-in, bent, answered as expected; the counter unmoved and the options kept. */
  void refusedSignIn(
      String expected,
      SoftwareAuthenticator signer,
      String extra,
      UnaryOperator<Ceremony> bend,
      UnaryOperator<ObjectNode> edit,
      String userId,
      String credentialId) {
    String path =
        "/recipe/webauthn/user/credential?recipeUserId="
            + userId
            + "&webauthnCredentialId="
            + credentialId;
    String before = calls.get("5.4", path).body();
    JsonNode options = calls.signInOptions("", extra);
    ObjectNode assertion = edit.apply(signer.signIn(bend.apply(ceremony(options))));
    assertEquals(expected, shape(calls.signIn("5.4", "", id(options), assertion)));
    assertEquals(before, calls.get("5.4", path).body());
    assertEquals("OK", calls.options("", id(options)).json().get("status").asText());
  }

  @Test
  void hostileSignInsAreRefusedAndChangeNothing() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    JsonNode up = calls.signUp("", "victim-" + System.nanoTime() + "@x.com", passkey);
    String userId = up.get("recipeUserId").asText();
    String credentialId = passkey.credentialId();
    assertEquals("OK", calls.signIn("", passkey).json().get("status").asText());
    UnaryOperator<ObjectNode> same = c -> c;
    Map<String, Object[]> cases = new LinkedHashMap<>();
    cases.put(
        "wrong origin",
        new Object[] {
          authenticator(
              "The collectedClientData 'https://evil.com' origin doesn't match any of the"
                  + " preconfigured server origin."),
          "",
          (UnaryOperator<Ceremony>) c -> c.origin("https://evil.com"),
          same
        });
    cases.put(
        "wrong rp id",
        new Object[] {
          authenticator("rpIdHash doesn't match the hash of preconfigured rpId."),
          "",
          (UnaryOperator<Ceremony>) c -> c.rpId("evil.com"),
          same
        });
    cases.put(
        "no user presence",
        new Object[] {
          authenticator(
              "Verifier is configured to check user present, but UP flag in authenticatorData is"
                  + " not set."),
          ",\"userPresence\":true",
          (UnaryOperator<Ceremony>) Ceremony::withoutUserPresence,
          same
        });
    cases.put(
        "no user verification",
        new Object[] {
          authenticator(
              "Verifier is configured to check user verified, but UV flag in authenticatorData is"
                  + " not set."),
          ",\"userVerification\":\"required\"",
          (UnaryOperator<Ceremony>) c -> c,
          same
        });
    cases.put(
        "registration type",
        new Object[] {
          authenticator("ClientData.type must be 'get' on authentication, but it isn't."),
          "",
          (UnaryOperator<Ceremony>) c -> c.type("webauthn.create"),
          same
        });
    cases.put(
        "garbage signature",
        new Object[] {
          authenticator("Assertion signature is not valid."),
          "",
          (UnaryOperator<Ceremony>) c -> c,
          response("signature", "AAAA")
        });
    cases.put(
        "signature not base64",
        new Object[] {
          credentials(MALFORMED), "", (UnaryOperator<Ceremony>) c -> c, response("signature", "@@@")
        });
    cases.put(
        "user handle not base64",
        new Object[] {
          credentials(MALFORMED),
          "",
          (UnaryOperator<Ceremony>) c -> c,
          response("userHandle", "@@@")
        });
    cases.put(
        "authenticator data too short",
        new Object[] {
          credentials("provided data does not have proper byte layout"),
          "",
          (UnaryOperator<Ceremony>) c -> c,
          response("authenticatorData", "AAAA")
        });
    cases.put(
        "1 MB authenticator data",
        new Object[] {
          credentials(MALFORMED),
          "",
          (UnaryOperator<Ceremony>) c -> c,
          response("authenticatorData", MEGABYTE)
        });
    cases.put(
        "no response",
        new Object[] {
          credentials(MALFORMED),
          "",
          (UnaryOperator<Ceremony>) c -> c,
          (UnaryOperator<ObjectNode>)
              c -> {
                c.remove("response");
                return c;
              }
        });
    cases.forEach(
        (what, c) -> {
          @SuppressWarnings("unchecked")
          UnaryOperator<Ceremony> bend = (UnaryOperator<Ceremony>) c[2];
          @SuppressWarnings("unchecked")
          UnaryOperator<ObjectNode> edit = (UnaryOperator<ObjectNode>) c[3];
          try {
            refusedSignIn((String) c[0], passkey, (String) c[1], bend, edit, userId, credentialId);
          } catch (AssertionError e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
          }
        });
    // The counter went back (a clone), or did not move (an assertion made again).
    assertEquals("OK", calls.signIn("", passkey).json().get("status").asText());
    long stored = passkey.counter();
    String cloned =
        authenticator(
            "Malicious counter value is detected. Cloned authenticators exist in parallel.");
    passkey.counter(stored - 6);
    refusedSignIn(cloned, passkey, "", c -> c, same, userId, credentialId);
    passkey.counter(stored - 1);
    refusedSignIn(cloned, passkey, "", c -> c, same, userId, credentialId);
    passkey.counter(stored);
    assertEquals("OK", calls.signIn("", passkey).json().get("status").asText());
  }

  @Test
  void aChallengeOrAnAssertionReplayedNeverSignsIn() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    calls.signUp("", "replay-" + System.nanoTime() + "@x.com", passkey);
    JsonNode options = calls.signInOptions("", "");
    ObjectNode assertion = passkey.signIn(ceremony(options));
    assertEquals(
        "OK", calls.signIn("5.4", "", id(options), assertion).json().get("status").asText());
    assertEquals(
        "200 {\"status\":\"OPTIONS_NOT_FOUND_ERROR\"}",
        shape(calls.signIn("5.4", "", id(options), assertion)));
    // The same assertion against fresh options: their challenge is not the one it signed.
    JsonNode fresh = calls.signInOptions("", "");
    assertEquals(
        authenticator("The actual challenge does not match the expected challenge"),
        shape(calls.signIn("5.4", "", id(fresh), assertion)));
    // At the version that never consumed options in the original, neither.
    assertEquals(
        "200 {\"status\":\"OPTIONS_NOT_FOUND_ERROR\"}",
        shape(calls.signIn("4.0", "", id(options), passkey.signIn(ceremony(options)))));
  }

  @Test
  void oneUsersCredentialIsNoOtherUsers() {
    SoftwareAuthenticator alice = SoftwareAuthenticator.es256();
    String aliceId =
        calls
            .signUp("", "alice-" + System.nanoTime() + "@x.com", alice)
            .get("recipeUserId")
            .asText();
    SoftwareAuthenticator bob = SoftwareAuthenticator.es256();
    String bobId =
        calls.signUp("", "bob-" + System.nanoTime() + "@x.com", bob).get("recipeUserId").asText();
    // Bob's key claiming Alice's credential id: the signature gives it away.
    SoftwareAuthenticator impostor =
        SoftwareAuthenticator.es256().credentialId(alice.credentialId());
    refusedSignIn(
        authenticator("Assertion signature is not valid."),
        impostor,
        "",
        c -> c,
        c -> c,
        aliceId,
        alice.credentialId());
    // Bob cannot register Alice's credential id, nor read or remove it.
    JsonNode options = calls.registerOptions("", "bob2@x.com", "");
    assertEquals(
        "200 {\"status\":\"CREDENTIAL_ALREADY_EXISTS_ERROR\"}",
        shape(
            calls.registerCredential(
                "5.4", bobId, id(options), impostor.register(ceremony(options)))));
    String query = "?recipeUserId=" + bobId + "&webauthnCredentialId=" + alice.credentialId();
    assertEquals(
        "200 {\"status\":\"CREDENTIAL_NOT_FOUND_ERROR\"}",
        shape(calls.get("5.4", "/recipe/webauthn/user/credential" + query)));
    assertEquals(
        "200 {\"status\":\"CREDENTIAL_NOT_FOUND_ERROR\"}",
        shape(calls.delete("5.4", "/recipe/webauthn/user/credential/remove" + query)));
    JsonNode in = calls.signIn("", alice).json();
    assertEquals(aliceId, in.get("recipeUserId").asText());
    assertEquals(1, calls.credentials(bobId).json().get("credentials").size());
  }

  /**
   * The server takes bodies up to 10 MB: an attestation object just below that is read and refused
   * as the library's input; above it the body is refused unread (413, or the connection closed
   * while the client still sends).
   */
  @Test
  void hugeBodiesAreRefusedNeverFailed() {
    refusedSignUp(
        credentials(MALFORMED),
        "",
        c -> c,
        response("attestationObject", base64url(random(7 * 1024 * 1024))));
    JsonNode options = calls.registerOptions("", "big-" + System.nanoTime() + "@x.com", "");
    String huge = "A".repeat(11 * 1024 * 1024);
    String body =
        "{\"webauthnGeneratedOptionsId\":\""
            + id(options)
            + "\",\"credential\":{\"id\":\""
            + huge
            + "\"}}";
    try {
      assertEquals(
          "413 Request body too large", shape(calls.post("5.4", "/recipe/webauthn/signup", body)));
    } catch (java.io.UncheckedIOException closedWhileSending) {
      // also a refusal
    }
    assertTrue(calls.get("5.4", "/hello").status() == 200);
  }
}
