package io.authcore.recipe.webauthn;

import java.util.Base64;

/**
 * A credential object as the client sent it: its {@code id} and {@code type} read as the original
 * reads them (text, or null when absent or JSON null), and the whole object as JSON for the
 * verifier.
 */
public record SubmittedCredential(String id, String type, String json) {
  private static final String PUBLIC_KEY = "public-key";

  /**
   * The original's shape checks, failing as {@code INVALID_CREDENTIALS_ERROR}. An id that is not
   * base64url is refused with the reason the original meant to give (it answers a 500).
   */
  void check() {
    if (id == null) {
      throw CeremonyVerifier.credentials("credential id is missing!");
    }
    if (id.isEmpty()) {
      throw CeremonyVerifier.credentials("credential id is empty!");
    }
    try {
      Base64.getUrlDecoder().decode(id);
    } catch (IllegalArgumentException e) {
      throw CeremonyVerifier.credentials("Credential ID has to be base64 url encoded");
    }
    if (type == null) {
      throw CeremonyVerifier.credentials("credential type is missing!");
    }
    if (type.isEmpty()) {
      throw CeremonyVerifier.credentials("credential type is empty!");
    }
    if (!type.equalsIgnoreCase(PUBLIC_KEY)) {
      throw CeremonyVerifier.credentials("not supported credential type: '" + type + "'");
    }
  }
}
