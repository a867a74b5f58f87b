package io.authcore.recipe.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.Hashes;
import io.authcore.crypto.RandomTokens;
import io.authcore.crypto.RefreshTokenCipher;
import io.authcore.crypto.RefreshTokenDecryptionException;
import io.authcore.crypto.Secrets;
import io.authcore.storage.KeyValueStore.KeyValue;
import io.authcore.storage.Storage;
import io.authcore.tenancy.TenantId;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refresh tokens in the original's format, {@code <encrypted payload>.<nonce>.V2}, encrypted with
 * the app's {@code refresh_token_key} so that a database shared with the original core keeps
 * working in both directions. The payload names the session, the recipe user, the parent token's
 * hash and the anti-CSRF token.
 */
final class RefreshTokens {
  private static final String BAD_FORMAT =
      "io.supertokens.session.refreshToken.RefreshToken$InvalidRefreshTokenFormatException: ";
  // V0 and V1 are the original's older kinds: named, they get as far as decryption, as there.
  private static final Set<String> KNOWN_TYPES = Set.of("V0", "V1", "V2");

  static final String KEY_NAME = "refresh_token_key";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Storage storage;
  private final Clock clock;
  private final Map<String, RefreshTokenCipher> ciphers = new ConcurrentHashMap<>();

  RefreshTokens(Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /** What a refresh token carries. {@code parentHash1} and {@code antiCsrf} may be null. */
  record Payload(
      String handle, String userId, String parentHash1, String antiCsrf, String tenantId) {}

  /** A refresh token that does not open: the session answers UNAUTHORISED. */
  static final class InvalidRefreshToken extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidRefreshToken(String message) {
      super(message, null, false, false);
    }
  }

  String create(String appId, Payload payload) {
    String nonce = Hashes.sha256Hex(RandomTokens.uuid());
    ObjectNode json = MAPPER.createObjectNode();
    json.put("sessionHandle", payload.handle());
    json.put("userId", payload.userId());
    if (payload.parentHash1() != null) {
      json.put("parentRefreshTokenHash1", payload.parentHash1());
    }
    json.put("nonce", nonce);
    if (payload.antiCsrf() != null) {
      json.put("antiCsrfToken", payload.antiCsrf());
    }
    if (!TenantId.DEFAULT.equals(payload.tenantId())) {
      json.put("tenantId", payload.tenantId());
    }
    return cipher(appId).encrypt(json.toString()) + "." + nonce + ".V2";
  }

  Payload open(String appId, String token) throws InvalidRefreshToken {
    // The original reports a malformed token with its exception's class name; SDKs only show it.
    String[] parts = token.split("\\.");
    if (!KNOWN_TYPES.contains(parts.length == 0 ? "" : parts[parts.length - 1])) {
      throw new InvalidRefreshToken(BAD_FORMAT + "version of refresh token not recognised");
    }
    if (parts.length != 3) {
      throw new InvalidRefreshToken(
          BAD_FORMAT + "Refresh token split with dot yielded an array of length: " + parts.length);
    }
    String nonce = parts[1];
    JsonNode json;
    try {
      json = MAPPER.readTree(cipher(appId).decrypt(parts[0]));
    } catch (RefreshTokenDecryptionException | IOException e) {
      throw new InvalidRefreshToken("Invalid refresh token");
    }
    String handle = text(json, "sessionHandle");
    String userId = text(json, "userId");
    String signedNonce = text(json, "nonce");
    if (handle == null || userId == null || signedNonce == null) {
      throw new InvalidRefreshToken("Invalid refresh token");
    }
    if (!Secrets.equal(signedNonce, nonce)) {
      throw new InvalidRefreshToken("Invalid refresh token");
    }
    String tenantId = text(json, "tenantId");
    return new Payload(
        handle,
        userId,
        text(json, "parentRefreshTokenHash1"),
        text(json, "antiCsrfToken"),
        tenantId == null ? TenantId.DEFAULT : tenantId);
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** Drops the cached key of an app that was removed (a new app of that id gets a new key). */
  void forget(String appId) {
    ciphers.remove(appId);
  }

  /** The app's key, created on first use; two instances racing create one (under the app lock). */
  private RefreshTokenCipher cipher(String appId) {
    return ciphers.computeIfAbsent(appId, id -> new RefreshTokenCipher(loadOrCreateKey(id)));
  }

  private String loadOrCreateKey(String appId) {
    TenantId app = TenantId.of(appId, TenantId.DEFAULT);
    return storage
        .keyValue()
        .get(app, KEY_NAME)
        .map(KeyValue::value)
        .orElseGet(
            () ->
                storage.inTransaction(
                    tx -> {
                      tx.signingKeys().lockApp(appId);
                      return tx.keyValue()
                          .get(app, KEY_NAME)
                          .map(KeyValue::value)
                          .orElseGet(
                              () -> {
                                String key = RefreshTokenCipher.newRefreshTokenKey();
                                tx.keyValue().set(app, KEY_NAME, new KeyValue(key, clock.millis()));
                                return key;
                              });
                    }));
  }
}
