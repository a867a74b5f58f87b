package io.authcore.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;

/**
 * The access tokens of CDI below 2.21 (versions 1 and 2): a fixed header naming no key, and header,
 * payload and SHA256withRSA signature each in standard base64 with padding, not base64url. Clients
 * of that age verify them with the public key the core hands out, so the format is exact.
 */
public final class LegacyJwt {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Base64.Encoder STANDARD = Base64.getEncoder();
  private static final String HEADER_V1 = header("1");
  private static final String HEADER_V2 = header("2");
  private static final String PREFIX_V1 = HEADER_V1 + ".";
  private static final String PREFIX_V2 = HEADER_V2 + ".";

  private LegacyJwt() {}

  /** A legacy token's parts; its signature is NOT checked yet. */
  public record Parsed(String version, ObjectNode payload, String signingInput, byte[] signature) {}

  /** {@code version} is "1" or "2". */
  public static String sign(String version, ObjectNode payload, PrivateKey key) {
    String signingInput = headerOf(version) + "." + encode(payload);
    try {
      byte[] signature = Rs256.system().sign(key, signingInput.getBytes(StandardCharsets.UTF_8));
      return signingInput + "." + STANDARD.encodeToString(signature);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("not an RSA private key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RS256 signing failed", e);
    }
  }

  /**
   * The token's parts when its header is one of the two fixed legacy headers; empty for any other
   * token (a JWT of version 3 or later is read by {@link Jwt#parse}).
   */
  public static Optional<Parsed> parse(String token) throws MalformedJwtException {
    // Every access token comes through here first: a current one is told by its first bytes,
    // before anything is split or copied.
    String version;
    if (token != null && token.startsWith(PREFIX_V1)) {
      version = "1";
    } else if (token != null && token.startsWith(PREFIX_V2)) {
      version = "2";
    } else {
      return Optional.empty();
    }
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode payload = MAPPER.readTree(decode(parts[1]));
      byte[] signature = decode(parts[2]);
      if (payload instanceof ObjectNode object) {
        return Optional.of(new Parsed(version, object, parts[0] + "." + parts[1], signature));
      }
    } catch (IllegalArgumentException | IOException e) {
      // falls through: a bad legacy token is a bad token, not a server error
    }
    throw new MalformedJwtException("Invalid JWT");
  }

  /** True when {@code key} made the token's signature. */
  public static boolean verify(Parsed token, PublicKey key) {
    try {
      return Rs256.system()
          .verify(key, token.signingInput().getBytes(StandardCharsets.UTF_8), token.signature());
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("not an RSA public key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RS256 verification failed", e);
    }
  }

  private static String headerOf(String version) {
    return switch (version) {
      case "1" -> HEADER_V1;
      case "2" -> HEADER_V2;
      default -> throw new IllegalArgumentException("legacy versions are 1 and 2");
    };
  }

  // The original writes this header with its own JSON library: these exact bytes.
  private static String header(String version) {
    String json = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"version\":\"" + version + "\"}";
    return STANDARD.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(ObjectNode json) {
    try {
      return STANDARD.encodeToString(MAPPER.writeValueAsBytes(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a token payload", e);
    }
  }

  // Like the original, either base64 alphabet is read.
  private static byte[] decode(String segment) {
    return Base64.getDecoder().decode(segment.replace('-', '+').replace('_', '/'));
  }
}
