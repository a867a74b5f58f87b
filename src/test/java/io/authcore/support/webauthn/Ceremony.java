package io.authcore.support.webauthn;

/**
 * What a browser tells the authenticator for one ceremony, and the ways a test may make it lie. The
 * defaults are an honest ceremony: the right type, user present, not verified, the real rpId
 * hashed.
 */
public record Ceremony(
    String challenge,
    String origin,
    String rpId,
    String clientDataType,
    boolean userPresent,
    boolean userVerified,
    String userHandle,
    Long coseAlgorithm) {

  public static Ceremony of(String challenge, String origin, String rpId) {
    return new Ceremony(challenge, origin, rpId, null, true, false, null, null);
  }

  /** A `clientDataJSON.type` other than the one the ceremony calls for. */
  public Ceremony type(String type) {
    return new Ceremony(
        challenge, origin, rpId, type, userPresent, userVerified, userHandle, coseAlgorithm);
  }

  public Ceremony withoutUserPresence() {
    return new Ceremony(
        challenge, origin, rpId, clientDataType, false, userVerified, userHandle, coseAlgorithm);
  }

  public Ceremony withUserVerification() {
    return new Ceremony(
        challenge, origin, rpId, clientDataType, userPresent, true, userHandle, coseAlgorithm);
  }

  /** The assertion's `userHandle` (base64url); none by default. */
  public Ceremony userHandle(String handle) {
    return new Ceremony(
        challenge, origin, rpId, clientDataType, userPresent, userVerified, handle, coseAlgorithm);
  }

  /** The `alg` written into the registered COSE key instead of the key's real one. */
  public Ceremony coseAlgorithm(long alg) {
    return new Ceremony(
        challenge, origin, rpId, clientDataType, userPresent, userVerified, userHandle, alg);
  }

  /** The origin the browser reports, while the rpId hash stays that of {@link #rpId()}. */
  public Ceremony origin(String other) {
    return new Ceremony(
        challenge,
        other,
        rpId,
        clientDataType,
        userPresent,
        userVerified,
        userHandle,
        coseAlgorithm);
  }

  /** The rpId whose hash the authenticator writes. */
  public Ceremony rpId(String other) {
    return new Ceremony(
        challenge,
        origin,
        other,
        clientDataType,
        userPresent,
        userVerified,
        userHandle,
        coseAlgorithm);
  }
}
