package io.authcore.cdi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.support.webauthn.Ceremony;
import io.authcore.support.webauthn.SoftwareAuthenticator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The software passkeys of one run, one per key name, and the credentials steps ask them for. A
 * WebAuthn credential signs the challenge the options answered, so it cannot be written in the
 * sequence: a body value {@code {"$webauthn": {...}}} (its variables already filled in) is replaced
 * by the RegistrationResponseJSON or AuthenticationResponseJSON that {@link SoftwareAuthenticator}
 * builds for it. The same key name is the same key pair for the whole run, so a credential
 * registered in one step signs in at a later one.
 *
 * <p>The request's fields: {@code key} (the passkey's name), {@code ceremony} ({@code register} or
 * {@code signIn}), {@code challenge}, {@code origin} and {@code rpId} (what the browser reports,
 * and the rpId whose hash the authenticator writes); optionally {@code alg} ({@code ES256}, the
 * default, {@code RS256} or {@code EdDSA}; fixed when the key is first used), {@code credentialId}
 * (base64url; fixed ids make answers comparable literally), and the knobs for lying: {@code type}
 * (of {@code clientDataJSON}), {@code userPresent} (default true), {@code userVerified} (default
 * false), {@code userHandle}, {@code coseAlgorithm} (the {@code alg} written into the registered
 * COSE key), {@code counter} (the signature counter is set to this before the ceremony; a sign-in
 * counts it up by one and signs with that), and {@code set} (top-level fields of the credential
 * replaced; JSON null removes one).
 */
final class Passkeys {
  static final String FIELD = "$webauthn";

  private static final Set<String> FIELDS =
      Set.of(
          "key",
          "ceremony",
          "challenge",
          "origin",
          "rpId",
          "alg",
          "credentialId",
          "type",
          "userPresent",
          "userVerified",
          "userHandle",
          "coseAlgorithm",
          "counter",
          "set");

  private final Map<String, SoftwareAuthenticator> byKey = new HashMap<>();
  private final Map<String, String> algorithms = new HashMap<>();

  /** Whether a body value asks for a credential: an object whose only field is {@value FIELD}. */
  static boolean isRequest(JsonNode node) {
    return node.isObject() && node.size() == 1 && node.has(FIELD);
  }

  /** The credential the (filled-in) request asks for. */
  JsonNode credential(JsonNode request) {
    JsonNode spec = request.get(FIELD);
    for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalStateException(
            "sequence.json: unknown " + FIELD + " field '" + name + "'");
      }
    }
    SoftwareAuthenticator passkey =
        passkey(required(spec, "key"), spec.path("alg").asText("ES256"));
    if (spec.hasNonNull("credentialId")) {
      passkey.credentialId(spec.get("credentialId").asText());
    }
    if (spec.hasNonNull("counter")) {
      passkey.counter(spec.get("counter").asLong());
    }
    Ceremony ceremony = ceremony(spec);
    ObjectNode credential =
        switch (required(spec, "ceremony")) {
          case "register" -> passkey.register(ceremony);
          case "signIn" -> passkey.signIn(ceremony);
          default ->
              throw new IllegalStateException(
                  "sequence.json: " + FIELD + " ceremony is register or signIn: " + spec);
        };
    spec.path("set")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNull()) {
                credential.remove(e.getKey());
              } else {
                credential.set(e.getKey(), e.getValue());
              }
            });
    return credential;
  }

  private SoftwareAuthenticator passkey(String key, String alg) {
    String earlier = algorithms.putIfAbsent(key, alg);
    if (earlier != null && !earlier.equals(alg)) {
      throw new IllegalStateException(
          "sequence.json: passkey '" + key + "' is " + earlier + ", not " + alg);
    }
    Supplier<SoftwareAuthenticator> create =
        switch (alg) {
          case "ES256" -> SoftwareAuthenticator::es256;
          case "RS256" -> SoftwareAuthenticator::rs256;
          case "EdDSA" -> SoftwareAuthenticator::eddsa;
          default -> throw new IllegalStateException("sequence.json: unknown passkey alg " + alg);
        };
    return byKey.computeIfAbsent(key, k -> create.get());
  }

  private static Ceremony ceremony(JsonNode spec) {
    Ceremony ceremony =
        Ceremony.of(required(spec, "challenge"), required(spec, "origin"), required(spec, "rpId"));
    if (spec.hasNonNull("type")) {
      ceremony = ceremony.type(spec.get("type").asText());
    }
    if (!spec.path("userPresent").asBoolean(true)) {
      ceremony = ceremony.withoutUserPresence();
    }
    if (spec.path("userVerified").asBoolean(false)) {
      ceremony = ceremony.withUserVerification();
    }
    if (spec.hasNonNull("userHandle")) {
      ceremony = ceremony.userHandle(spec.get("userHandle").asText());
    }
    if (spec.hasNonNull("coseAlgorithm")) {
      ceremony = ceremony.coseAlgorithm(spec.get("coseAlgorithm").asLong());
    }
    return ceremony;
  }

  private static String required(JsonNode spec, String field) {
    if (!spec.path(field).isTextual()) {
      throw new IllegalStateException(
          "sequence.json: " + FIELD + " without '" + field + "': " + spec);
    }
    return spec.get(field).asText();
  }
}
