package io.authcore.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RS256 JSON Web Tokens (compact form) as the original issues them: each segment is unpadded
 * base64url, the signature is RSASSA-PKCS1-v1_5 with SHA-256 over {@code header.payload}. No other
 * algorithm is produced or accepted, so neither {@code none} nor an HMAC header keyed with a public
 * key can get through.
 */
public final class Jwt {
  public static final String ALGORITHM = "RS256";

  private static final String TYPE = "JWT";
  // The original maps "version" to V1..V5 and refuses the legacy V1/V2 in a JSON header, so
  // only these remain; a JWT without "version" counts as the latest.
  private static final Set<String> VERSIONS = Set.of("3", "4", "5");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final Base64.Encoder SEGMENT = Base64.getUrlEncoder().withoutPadding();
  private static final int MAX_CACHED_HEADERS = 256;
  private static final Map<String, Header> HEADERS = new ConcurrentHashMap<>();

  private Jwt() {}

  /** The header of a session access token, byte-identical to the original's. */
  public static ObjectNode accessTokenHeader(String kid, String version) {
    ObjectNode header = JsonNodeFactory.instance.objectNode();
    header.put("kid", kid);
    header.put("typ", TYPE);
    header.put("version", version);
    header.put("alg", ALGORITHM);
    return header;
  }

  /** The header of a JWT made by {@code POST /recipe/jwt}, byte-identical to the original's. */
  public static ObjectNode plainHeader(String kid) {
    ObjectNode header = JsonNodeFactory.instance.objectNode();
    header.put("kid", kid);
    header.put("typ", TYPE);
    header.put("alg", ALGORITHM);
    return header;
  }

  /**
   * Chooses, and logs, how RS256 signatures are made and checked here (OpenSSL or the JDK), so that
   * the choice shows when the server starts rather than at its first session.
   */
  public static void chooseSigner() {
    Rs256.system();
  }

  /**
   * Signs {@code base64url(header).base64url(payload)}. Both objects are written compactly in their
   * own field order; the header must say {@code "alg":"RS256"}.
   */
  public static String sign(ObjectNode header, ObjectNode payload, PrivateKey key) {
    if (!header.path("alg").isTextual() || !ALGORITHM.equals(header.get("alg").asText())) {
      throw new IllegalArgumentException("only RS256 tokens are signed");
    }
    String signingInput = segment(header) + "." + segment(payload);
    try {
      byte[] signature = Rs256.system().sign(key, signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + SEGMENT.encodeToString(signature);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("not an RSA private key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RS256 signing failed", e);
    }
  }

  /**
   * Checks the token's shape and header ({@code typ} "JWT", {@code alg} "RS256", a string {@code
   * kid}, {@code version} absent or "3"/"4"/"5") and decodes it, WITHOUT checking the signature.
   */
  public static ParsedJwt parse(String token) throws MalformedJwtException {
    if (token == null) {
      throw new MalformedJwtException("Invalid JWT");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      throw new MalformedJwtException("Invalid JWT");
    }
    Header header = header(parts[0]);
    ObjectNode payload = decodeObject(parts[1]);
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new MalformedJwtException("Invalid JWT");
    }
    return new ParsedJwt(payload, header.kid, header.version, parts[0] + "." + parts[1], signature);
  }

  /** The decoded header segment of a token that passed {@link #parse}. */
  static ObjectNode decodeHeader(String segment) {
    try {
      return decodeObject(segment);
    } catch (MalformedJwtException e) {
      throw new IllegalStateException("the header was checked when the token was parsed", e);
    }
  }

  // A core signs with a handful of keys, so nearly every token repeats one of a few header
  // segments; each is checked once. Any client can send new ones, hence the bound.
  private static Header header(String segment) throws MalformedJwtException {
    Header known = HEADERS.get(segment);
    if (known != null) {
      return known;
    }
    ObjectNode header = decodeObject(segment);
    requireString(header, "typ", TYPE);
    requireString(header, "alg", ALGORITHM);
    String version = null;
    if (header.has("version")) {
      JsonNode v = header.get("version");
      if (!v.isTextual() || !VERSIONS.contains(v.asText())) {
        throw new MalformedJwtException("JWT header mismatch - version");
      }
      version = v.asText();
    }
    JsonNode kid = header.get("kid");
    if (kid == null || !kid.isValueNode() || kid.isNull()) {
      throw new MalformedJwtException("JWT header missing - kid");
    }
    if (!kid.isTextual()) {
      throw new MalformedJwtException("JWT header mismatch - kid");
    }
    Header checked = new Header(kid.asText(), version);
    if (HEADERS.size() >= MAX_CACHED_HEADERS) {
      HEADERS.clear();
    }
    HEADERS.put(segment, checked);
    return checked;
  }

  private record Header(String kid, String version) {}

  /** True when {@code key} made the token's signature. A wrong key is simply false. */
  public static boolean verify(ParsedJwt jwt, PublicKey key) {
    try {
      return Rs256.system()
          .verify(key, jwt.signingInput().getBytes(StandardCharsets.US_ASCII), jwt.signature());
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("not an RSA public key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RS256 verification failed", e);
    }
  }

  private static String segment(ObjectNode json) {
    try {
      return SEGMENT.encodeToString(MAPPER.writeValueAsBytes(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JWT segment", e);
    }
  }

  // Like the original, a segment may use either base64 alphabet, with or without padding.
  private static ObjectNode decodeObject(String segment) throws MalformedJwtException {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(segment.replace('+', '-').replace('/', '_'));
      JsonNode node = MAPPER.readTree(bytes);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IllegalArgumentException | IOException e) {
      // falls through: malformed base64 or JSON is a bad token, not a server error
    }
    throw new MalformedJwtException("Invalid JWT");
  }

  private static void requireString(ObjectNode header, String field, String expected)
      throws MalformedJwtException {
    JsonNode value = header.get(field);
    if (value == null || !value.isValueNode() || value.isNull()) {
      throw new MalformedJwtException("JWT header missing - " + field);
    }
    if (!value.isTextual() || !expected.equals(value.asText())) {
      throw new MalformedJwtException("JWT header mismatch - " + field);
    }
  }
}
