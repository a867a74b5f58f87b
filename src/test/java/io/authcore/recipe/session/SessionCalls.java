package io.authcore.recipe.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.Hashes;
import io.authcore.http.Json;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/** Session requests at a chosen CDI version, and what tests read from the answers. */
final class SessionCalls {
  private final Http http;
  private final String prefix;

  SessionCalls(Http http) {
    this(http, "");
  }

  /** Requests under a path prefix such as {@code /appid-x}. */
  SessionCalls(Http http, String prefix) {
    this.http = http;
    this.prefix = prefix;
  }

  Reply post(String cdi, String path, String body) {
    return http.post(prefix + path, body, "cdi-version", cdi);
  }

  Reply put(String cdi, String path, String body) {
    return http.put(prefix + path, body, "cdi-version", cdi);
  }

  Reply get(String cdi, String path) {
    return http.get(prefix + path, "cdi-version", cdi);
  }

  /** POST /recipe/session; {@code extra} is more JSON fields, with a leading comma. */
  Reply create(String cdi, String userId, String payload, boolean antiCsrf, String extra) {
    return post(
        cdi,
        "/recipe/session",
        "{\"userId\":\""
            + userId
            + "\",\"enableAntiCsrf\":"
            + antiCsrf
            + ",\"userDataInJWT\":"
            + payload
            + ",\"userDataInDatabase\":{}"
            + extra
            + "}");
  }

  JsonNode created(String cdi, String userId, String payload) {
    return ok(create(cdi, userId, payload, false, ""));
  }

  /** POST /recipe/session/verify without anti-CSRF; {@code extra} as for create. */
  Reply verify(String cdi, String accessToken, String extra) {
    return post(
        cdi,
        "/recipe/session/verify",
        "{\"accessToken\":\""
            + accessToken
            + "\",\"doAntiCsrfCheck\":false,\"enableAntiCsrf\":false"
            + extra
            + "}");
  }

  Reply refresh(String cdi, String refreshToken, String extra) {
    return post(
        cdi,
        "/recipe/session/refresh",
        "{\"refreshToken\":\"" + refreshToken + "\",\"enableAntiCsrf\":false" + extra + "}");
  }

  /** POST /recipe/session/refresh as a CDI 5.0+ client sends it. */
  JsonNode refreshed(String cdi, String refreshToken) {
    return ok(refresh(cdi, refreshToken, ",\"useDynamicSigningKey\":true"));
  }

  /** The hash under which a refresh token is stored. */
  static String hash2(String refreshToken) {
    return Hashes.sha256Hex(Hashes.sha256Hex(refreshToken));
  }

  static JsonNode ok(Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  static String user() {
    return UUID.randomUUID().toString();
  }

  static String accessToken(JsonNode answer) {
    return answer.get("accessToken").get("token").asText();
  }

  static String refreshToken(JsonNode answer) {
    return answer.get("refreshToken").get("token").asText();
  }

  /** A token segment (either base64 alphabet) as JSON. */
  static ObjectNode part(String token, int index) {
    String segment = token.split("\\.")[index].replace('-', '+').replace('_', '/');
    try {
      return (ObjectNode)
          Json.MAPPER.readTree(Base64.getMimeDecoder().decode(segment.replace("=", "")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> keys(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  /** Whether a legacy token (standard base64 signature) was signed by this X.509 public key. */
  static boolean signedBy(String legacyToken, String base64PublicKey) throws Exception {
    PublicKey key = io.authcore.crypto.RsaKeys.publicKeyFromBase64(base64PublicKey);
    String[] parts = legacyToken.split("\\.");
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(key);
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    return rsa.verify(Base64.getDecoder().decode(parts[2]));
  }
}
