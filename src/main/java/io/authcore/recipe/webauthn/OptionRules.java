package io.authcore.recipe.webauthn;

import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The original's checks of a ceremony's options, in its order (origin, timeout, user verification,
 * attestation, resident key, algorithms), each failing as {@code INVALID_OPTIONS_ERROR} with its
 * reason text.
 */
final class OptionRules {
  private static final String ANDROID = "android:apk-key-hash:";
  private static final List<String> ATTESTATIONS =
      List.of("none", "indirect", "direct", "enterprise");
  private static final List<String> REQUIREMENTS = List.of("required", "discouraged", "preferred");

  private OptionRules() {}

  /**
   * The COSE algorithm ids asked for, read as the original reads them; {@code problem} is the
   * reason the original gives when one could not be read (then {@code ids} is empty).
   */
  record Algorithms(List<Long> ids, String problem) {
    static Algorithms of(List<Long> ids) {
      return new Algorithms(List.copyOf(ids), null);
    }

    static Algorithms unreadable(String problem) {
      return new Algorithms(List.of(), problem);
    }
  }

  static void check(
      String origin,
      String rpId,
      long timeout,
      String userVerification,
      String attestation,
      String residentKey,
      Algorithms algorithms) {
    checkOrigin(origin, rpId);
    if (timeout < 0) {
      throw invalid("Timeout must be a positive value");
    }
    oneOf(userVerification, REQUIREMENTS, "userVerification");
    oneOf(attestation, ATTESTATIONS, "attestation");
    oneOf(residentKey, REQUIREMENTS, "residentKey");
    if (algorithms.problem() != null) {
      throw invalid(algorithms.problem());
    }
  }

  /**
   * An Android app's origin names the SHA-256 of its signing key; a web origin is a URL whose host
   * ends with the rp id (a suffix test, as the original's: {@code evilexample.com} passes for
   * {@code example.com}; the browser's own rp id check is what keeps such origins out).
   */
  private static void checkOrigin(String origin, String rpId) {
    if (origin.startsWith(ANDROID)) {
      String hash = origin.substring(ANDROID.length());
      if (hash.isEmpty()) {
        throw invalid("Android origin must contain a valid base64 hash");
      }
      byte[] decoded;
      try {
        decoded = Base64.getUrlDecoder().decode(hash);
      } catch (IllegalArgumentException e) {
        throw invalid("Android origin hash must be valid URL-safe base64 (no padding)");
      }
      if (hash.length() != 43) {
        throw invalid("Android origin hash must be 43 characters (base64url SHA-256)");
      }
      if (decoded.length != 32) {
        throw invalid("Android origin hash must decode to 32 bytes (SHA-256)");
      }
      return;
    }
    String host;
    try {
      // java.net.URL as the original parses it: the same schemes are known, the same hosts found.
      host = new URL(origin).getHost();
    } catch (MalformedURLException e) {
      throw invalid("Origin has to be a valid url!");
    }
    if (!host.endsWith(rpId)) {
      throw invalid("Origin does not match RelyingParty Id");
    }
  }

  private static void oneOf(String value, List<String> allowed, String field) {
    if (!allowed.contains(value)) {
      throw invalid(
          "Invalid value '"
              + value
              + "' for "
              + field
              + ". Must be one of: "
              + String.join(", ", allowed));
    }
  }

  static StatusException invalid(String reason) {
    return new StatusException(Status.INVALID_OPTIONS_ERROR, Map.of("reason", reason));
  }
}
