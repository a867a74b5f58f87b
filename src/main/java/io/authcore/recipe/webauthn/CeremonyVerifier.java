package io.authcore.recipe.webauthn;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.VerificationException;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.storage.WebAuthnStore.Credential;
import io.authcore.storage.WebAuthnStore.Options;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Registration and sign-in ceremonies checked with webauthn4j as the original checks them: its
 * non-strict manager (attestation statements parsed, not trusted), the stored options' origin, rp
 * id and challenge, user verification required only when the options said {@code required}, user
 * presence as the options say, and the signature counter of the stored credential. A failed check
 * is {@code INVALID_AUTHENTICATOR_ERROR}, input that is not a credential {@code
 * INVALID_CREDENTIALS_ERROR}, each with the library's reason; nothing else escapes.
 */
final class CeremonyVerifier {
  /** What the original answers for input the library could not read at all. */
  static final String MALFORMED = "Input data does not match expected form";

  /** Signature algorithms a stored key is ever verified with, by COSE id. */
  private static final Set<COSEAlgorithmIdentifier> VERIFIABLE =
      Set.of(
          COSEAlgorithmIdentifier.ES256,
          COSEAlgorithmIdentifier.ES384,
          COSEAlgorithmIdentifier.ES512,
          COSEAlgorithmIdentifier.RS1,
          COSEAlgorithmIdentifier.RS256,
          COSEAlgorithmIdentifier.RS384,
          COSEAlgorithmIdentifier.RS512,
          COSEAlgorithmIdentifier.PS256,
          COSEAlgorithmIdentifier.PS384,
          COSEAlgorithmIdentifier.PS512,
          COSEAlgorithmIdentifier.EdDSA);

  private static final ObjectConverter CONVERTER = new ObjectConverter();
  private static final AttestedCredentialDataConverter ATTESTED =
      new AttestedCredentialDataConverter(CONVERTER);
  // Thread-safe; one for the process instead of one (with its own mappers) per ceremony.
  private static final WebAuthnManager MANAGER =
      WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);

  private CeremonyVerifier() {}

  /**
   * A verified new credential: the counter it starts at, its attested credential data as the
   * original stores it, and its transports as JSON.
   */
  record Registered(long counter, byte[] attestedData, String transports) {}

  static Registered register(Options options, String credentialJson) {
    RegistrationData verified =
        run(
            () -> {
              RegistrationData data = MANAGER.parseRegistrationResponseJSON(credentialJson);
              return MANAGER.verify(
                  data,
                  new RegistrationParameters(
                      server(options), null, uvRequired(options), options.userPresenceRequired()));
            });
    var authenticatorData = verified.getAttestationObject().getAuthenticatorData();
    AttestedCredentialData attested = authenticatorData.getAttestedCredentialData();
    checkAlgorithm(attested.getCOSEKey());
    return new Registered(
        authenticatorData.getSignCount(),
        ATTESTED.convert(attested),
        CONVERTER.getJsonConverter().writeValueAsString(verified.getTransports()));
  }

  /**
   * Checks an assertion against the stored credential and returns the counter to store: the library
   * refuses one that did not grow (unless both are zero, as authenticators without a counter send).
   */
  static long signIn(Options options, Credential stored, String credentialJson) {
    StoredCredentialRecord record =
        run(
            () ->
                new StoredCredentialRecord(ATTESTED.convert(stored.publicKey()), stored.counter()));
    run(
        () -> {
          AuthenticationData data = MANAGER.parseAuthenticationResponseJSON(credentialJson);
          return MANAGER.verify(
              data,
              new AuthenticationParameters(
                  server(options),
                  record,
                  null,
                  uvRequired(options),
                  options.userPresenceRequired()));
        });
    return record.getCounter();
  }

  private static ServerProperty server(Options options) {
    return new ServerProperty(
        new Origin(options.origin()),
        options.rpId(),
        new DefaultChallenge(Base64.getUrlDecoder().decode(options.challenge())));
  }

  private static boolean uvRequired(Options options) {
    return options.userVerification().equalsIgnoreCase("required");
  }

  /**
   * A key whose algorithm no verifier knows, or whose algorithm is for another kind of key, could
   * never sign in: the original stores it anyway; it is refused here, before anything is stored.
   */
  private static void checkAlgorithm(COSEKey key) {
    String problem = algorithmProblem(key);
    if (problem != null) {
      throw authenticator(problem);
    }
  }

  /** Why a key could never be verified, or null. */
  static String algorithmProblem(COSEKey key) {
    COSEAlgorithmIdentifier alg = key.getAlgorithm();
    if (alg == null || !VERIFIABLE.contains(alg)) {
      return "COSE algorithm " + (alg == null ? "(none)" : alg.getValue()) + " is not supported";
    }
    if (alg.getKeyType() != key.getKeyType() || !key.hasPublicKey()) {
      return "COSE algorithm " + alg.getValue() + " does not match the credential's public key";
    }
    return null;
  }

  private interface Step<T> {
    T run();
  }

  private static <T> T run(Step<T> step) {
    try {
      return step.run();
    } catch (VerificationException e) {
      throw authenticator(reasonOf(e));
    } catch (DataConversionException e) {
      throw credentials(e.getMessage());
    } catch (RuntimeException e) {
      // Bad base64, a missing part, an unreadable key: the original fails these with a 500.
      throw credentials(MALFORMED);
    }
  }

  /**
   * The library's reason, in the words of the version the original runs (0.28): later versions add
   * the expected and actual values to three of them (the expected challenge among them).
   */
  private static String reasonOf(VerificationException e) {
    if (e instanceof BadOriginException origin) {
      return "The collectedClientData '"
          + origin.getActual()
          + "' origin doesn't match any of the preconfigured server origin.";
    }
    if (e instanceof BadRpIdException) {
      return "rpIdHash doesn't match the hash of preconfigured rpId.";
    }
    if (e instanceof BadChallengeException) {
      return "The actual challenge does not match the expected challenge";
    }
    return e.getMessage();
  }

  static StatusException authenticator(String reason) {
    return new StatusException(Status.INVALID_AUTHENTICATOR_ERROR, reason(reason));
  }

  static StatusException credentials(String reason) {
    return new StatusException(Status.INVALID_CREDENTIALS_ERROR, reason(reason));
  }

  private static Map<String, Object> reason(String reason) {
    return Map.of("reason", reason == null ? MALFORMED : reason);
  }
}
