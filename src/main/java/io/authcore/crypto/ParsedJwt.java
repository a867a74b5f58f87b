package io.authcore.crypto;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JWT whose structure and header passed {@link Jwt#parse}, but whose signature has NOT been
 * checked yet; nothing in it may be trusted before {@link Jwt#verify} returns true.
 */
public final class ParsedJwt {
  private final ObjectNode payload;
  private final String kid;
  private final String version;
  private final String signingInput;
  private final byte[] signature;

  ParsedJwt(ObjectNode payload, String kid, String version, String signingInput, byte[] signature) {
    this.payload = payload;
    this.kid = kid;
    this.version = version;
    this.signingInput = signingInput;
    this.signature = signature;
  }

  /** The decoded header; a fresh tree owned by the caller. */
  public ObjectNode header() {
    return Jwt.decodeHeader(signingInput.substring(0, signingInput.indexOf('.')));
  }

  /** The decoded claims; a fresh tree owned by the caller. */
  public ObjectNode payload() {
    return payload;
  }

  /** The header's {@code kid}: {@code d-<ms>} for a dynamic key, {@code s-<uuid>} for static. */
  public String kid() {
    return kid;
  }

  /**
   * The header's access-token {@code version} ("3", "4" or "5"), or null when absent, which the
   * original treats as the latest version (5).
   */
  public String version() {
    return version;
  }

  /** {@code <header segment>.<payload segment>} exactly as received: the bytes that were signed. */
  public String signingInput() {
    return signingInput;
  }

  byte[] signature() {
    return signature.clone();
  }
}
