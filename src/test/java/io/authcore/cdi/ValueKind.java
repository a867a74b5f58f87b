package io.authcore.cdi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values that differ from run to run by nature, recognised by their form: such a value is
 * compared by kind (both UUIDs, both epoch milliseconds, ...), every other value literally. The
 * list is deliberately narrow: a count, a status or an email never matches one of these.
 */
final class ValueKind {
  private static final Pattern UUID =
      Pattern.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(.*)");
  // The original's refresh token: encrypted payload, nonce hash, format version.
  private static final Pattern REFRESH_TOKEN =
      Pattern.compile("[A-Za-z0-9+/=]+\\.[0-9a-f]{64}\\.(V[0-9]+)");
  // Signing key ids: "d-<created ms>" for dynamic keys, "s-<uuid>" for the static one.
  private static final Pattern KEY_ID =
      Pattern.compile(
          "(d-)[0-9]{13}|(s-)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{32,}");
  private static final Pattern JWT_SEGMENT = Pattern.compile("[A-Za-z0-9+/=_-]+");

  // 2017-07 .. 2099-12: no count or size the sequence provokes comes near.
  private static final long MIN_SECONDS = 1_500_000_000L;
  private static final long MAX_SECONDS = 4_100_000_000L;

  private ValueKind() {}

  /**
   * The kind of a volatile string ("uuid", "uuid_public", "refresh token V2", "key id d-…", "hex
   * 64"), or empty for a string compared literally. JWTs are handled by {@link #jwt}.
   */
  static Optional<String> ofString(String value) {
    Matcher m = UUID.matcher(value);
    if (m.matches()) {
      return Optional.of("uuid" + m.group(2));
    }
    m = REFRESH_TOKEN.matcher(value);
    if (m.matches()) {
      return Optional.of("refresh token " + m.group(1));
    }
    m = KEY_ID.matcher(value);
    if (m.matches()) {
      return Optional.of(m.group(1) != null ? "key id d-<ms>" : "key id s-<uuid>");
    }
    if (HEX.matcher(value).matches()) {
      return Optional.of("hex " + value.length());
    }
    return Optional.empty();
  }

  /** The kind of a volatile number ("epoch ms", "epoch s"), or empty. */
  static Optional<String> ofNumber(JsonNode number) {
    if (!number.isIntegralNumber()) {
      return Optional.empty();
    }
    long n = number.asLong();
    if (n >= MIN_SECONDS && n <= MAX_SECONDS) {
      return Optional.of("epoch s");
    }
    if (n >= MIN_SECONDS * 1000 && n <= MAX_SECONDS * 1000) {
      return Optional.of("epoch ms");
    }
    return Optional.empty();
  }

  /** A decoded JWT: header and payload as JSON, and how its segments are encoded. */
  record Jwt(JsonNode header, JsonNode payload, String encoding) {}

  /**
   * The string as a JWT (standard or URL-safe Base64, as the legacy v1/v2 tokens use), if it is
   * one.
   */
  static Optional<Jwt> jwt(String value) {
    String[] parts = value.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    for (String part : parts) {
      if (!JWT_SEGMENT.matcher(part).matches()) {
        return Optional.empty();
      }
    }
    Optional<JsonNode> header = decode(parts[0]);
    if (header.isEmpty() || !header.get().isObject() || !header.get().has("alg")) {
      return Optional.empty();
    }
    JsonNode payload = decode(parts[1]).orElse(null);
    if (payload == null || !payload.isObject()) {
      return Optional.empty();
    }
    String encoding = value.matches(".*[+/=].*") ? "Base64 (padded)" : "Base64url";
    return Optional.of(new Jwt(header.get(), payload, encoding));
  }

  private static Optional<JsonNode> decode(String segment) {
    String b64 = segment.replace('-', '+').replace('_', '/').replace("=", "");
    b64 = b64 + "=".repeat((4 - b64.length() % 4) % 4);
    try {
      byte[] bytes = Base64.getDecoder().decode(b64);
      return Optional.of(Kit.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty();
    }
  }
}
