package io.authcore.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The {@code $webauthn} body value: one passkey per key name, knobs applied, typos refused. */
class PasskeysTest {
  private static final String ID = "d2EtYWxpY2UtZXMyNTY";

  @Test
  void aRegistrationThenASignInOfTheSameKeyShareTheCredentialIdAndCountUp() throws IOException {
    Passkeys passkeys = new Passkeys();
    ObjectNode register = spec("alice", "register");
    register.put("credentialId", ID);
    JsonNode registered = passkeys.credential(request(register));
    assertEquals(ID, registered.get("id").asText());
    assertEquals(ID, registered.get("rawId").asText());
    assertTrue(registered.path("response").has("attestationObject"));
    assertEquals("webauthn.create", clientData(registered).get("type").asText());

    ObjectNode signIn = spec("alice", "signIn");
    signIn.put("counter", 41);
    JsonNode signedIn = passkeys.credential(request(signIn));
    assertEquals(ID, signedIn.get("id").asText());
    assertEquals(42, authenticatorData(signedIn)[36], "set to 41, then counted up by the sign-in");
    assertEquals("abc", clientData(signedIn).get("challenge").asText());
  }

  @Test
  void knobsLieAsAsked() throws IOException {
    ObjectNode lie = spec("alice", "signIn");
    lie.put("origin", "https://evil.com");
    lie.put("type", "webauthn.create");
    lie.put("userPresent", false);
    lie.putObject("set").put("type", "password").putNull("rawId");
    JsonNode lying = new Passkeys().credential(request(lie));
    assertEquals("https://evil.com", clientData(lying).get("origin").asText());
    assertEquals("webauthn.create", clientData(lying).get("type").asText());
    assertEquals(0, authenticatorData(lying)[32] & 0x01, "user presence clear");
    assertEquals("password", lying.get("type").asText());
    assertFalse(lying.has("rawId"));
  }

  @Test
  void keysOfOtherNamesAreOtherPasskeys() {
    Passkeys passkeys = new Passkeys();
    JsonNode a = passkeys.credential(request(spec("a", "register")));
    JsonNode b = passkeys.credential(request(spec("b", "register")));
    assertNotEquals(a.get("id"), b.get("id"));
    assertTrue(Passkeys.isRequest(request(spec("a", "register"))));
    ObjectNode notOnly = request(spec("a", "register"));
    notOnly.put("x", 1);
    assertFalse(Passkeys.isRequest(notOnly));
  }

  @Test
  void anUnknownFieldOrAnotherAlgorithmForAKeyIsRefused() {
    Passkeys passkeys = new Passkeys();
    ObjectNode typo = spec("alice", "register");
    typo.put("orign", "x");
    assertThrows(IllegalStateException.class, () -> passkeys.credential(request(typo)));
    passkeys.credential(request(spec("alice", "register")));
    ObjectNode rsa = spec("alice", "register");
    rsa.put("alg", "RS256");
    assertThrows(IllegalStateException.class, () -> passkeys.credential(request(rsa)));
  }

  private static ObjectNode spec(String key, String ceremony) {
    ObjectNode spec = Kit.MAPPER.createObjectNode();
    spec.put("key", key);
    spec.put("ceremony", ceremony);
    spec.put("challenge", "abc");
    spec.put("origin", "https://example.com");
    spec.put("rpId", "example.com");
    return spec;
  }

  private static ObjectNode request(ObjectNode spec) {
    ObjectNode request = Kit.MAPPER.createObjectNode();
    request.set(Passkeys.FIELD, spec);
    return request;
  }

  private static byte[] authenticatorData(JsonNode credential) {
    return Base64.getUrlDecoder().decode(credential.at("/response/authenticatorData").asText());
  }

  private static JsonNode clientData(JsonNode credential) throws IOException {
    byte[] json = Base64.getUrlDecoder().decode(credential.at("/response/clientDataJSON").asText());
    return Kit.MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
  }
}
