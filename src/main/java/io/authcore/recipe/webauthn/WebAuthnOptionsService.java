package io.authcore.recipe.webauthn;

import io.authcore.crypto.RandomTokens;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.users.UsersService;
import io.authcore.recipe.users.UsersService.AccountInfo;
import io.authcore.recipe.webauthn.OptionRules.Algorithms;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.Violation.Kind;
import io.authcore.storage.WebAuthnStore.Options;
import io.authcore.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * The options a ceremony starts with: a fresh 32-byte challenge, the relying party and origin the
 * response will be checked against, and what the authenticator must prove. They are stored per
 * tenant for {@code timeout} milliseconds; sign-in options are single use (see {@link
 * WebAuthnCeremonyService}).
 */
public final class WebAuthnOptionsService {
  private static final int CHALLENGE_BYTES = 32;
  private static final int ID_ATTEMPTS = 3;

  private final Storage storage;
  private final UsersService users;
  private final Clock clock;

  public WebAuthnOptionsService(Storage storage, UsersService users, Clock clock) {
    this.storage = storage;
    this.users = users;
    this.clock = clock;
  }

  /** The relying party and origin of a ceremony, and how long it may take. */
  public record Party(String rpId, String rpName, String origin, long timeout) {}

  /** What a registration asks of the authenticator. */
  public record RegisterRequest(
      String email,
      String displayName,
      Party party,
      String attestation,
      String residentKey,
      String userVerification,
      boolean userPresence,
      Algorithms algorithms) {}

  /** Stored registration options and what the browser is to be told. */
  public record RegisterOptions(
      Options stored,
      String userHandle,
      String displayName,
      String attestation,
      String residentKey,
      String userVerification,
      List<Long> algorithms) {}

  /**
   * Options for registering a passkey for {@code email} (normalised). The user handle the
   * authenticator will keep is the id of the tenant's oldest user with this email, or else the
   * options' own id.
   *
   * @throws StatusException {@code INVALID_OPTIONS_ERROR}
   */
  public RegisterOptions register(TenantId tenant, RegisterRequest r) {
    Party p = r.party();
    OptionRules.check(
        p.origin(),
        p.rpId(),
        p.timeout(),
        r.userVerification(),
        r.attestation(),
        r.residentKey(),
        r.algorithms());
    String existing =
        users
            .byAccountInfo(tenant, new AccountInfo(r.email(), null, null, null, null), true)
            .stream()
            .findFirst()
            .map(u -> u.id())
            .orElse(null);
    Options stored = insert(tenant, p, r.email(), r.userVerification(), r.userPresence());
    String handle = existing != null ? existing : stored.id();
    return new RegisterOptions(
        stored,
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(handle.getBytes(StandardCharsets.UTF_8)),
        r.displayName(),
        r.attestation(),
        r.residentKey(),
        r.userVerification(),
        r.algorithms().ids());
  }

  /**
   * Options for signing in with any passkey of the relying party.
   *
   * @throws StatusException {@code INVALID_OPTIONS_ERROR}
   */
  public Options signIn(TenantId tenant, Party p, String userVerification, boolean userPresence) {
    OptionRules.check(
        p.origin(),
        p.rpId(),
        p.timeout(),
        userVerification,
        "none",
        "required",
        Algorithms.of(List.of()));
    return insert(tenant, p, null, userVerification, userPresence);
  }

  private Options insert(
      TenantId tenant, Party p, String email, String userVerification, boolean userPresence) {
    String challenge = RandomTokens.base64Url(CHALLENGE_BYTES);
    for (int attempt = 1; ; attempt++) {
      long now = clock.millis();
      Options options =
          new Options(
              RandomTokens.uuid(),
              challenge,
              email,
              p.rpId(),
              p.rpName(),
              p.origin(),
              now + p.timeout(),
              now,
              userPresence,
              userVerification);
      try {
        storage.webAuthn().insertOptions(tenant.appId(), tenant.tenantId(), options);
        return options;
      } catch (StorageException e) {
        // Only a colliding id is worth another try.
        if (attempt >= ID_ATTEMPTS
            || e.violation().map(v -> v.kind() != Kind.UNIQUE).orElse(true)) {
          throw e;
        }
      }
    }
  }

  /**
   * @throws StatusException {@code OPTIONS_NOT_FOUND_ERROR}
   */
  public Options get(TenantId tenant, String optionsId) {
    return storage
        .webAuthn()
        .options(tenant.appId(), tenant.tenantId(), optionsId)
        .orElseThrow(() -> new StatusException(Status.OPTIONS_NOT_FOUND_ERROR));
  }

  /**
   * @throws StatusException {@code OPTIONS_NOT_FOUND_ERROR}
   */
  public void remove(TenantId tenant, String optionsId) {
    if (!storage.webAuthn().deleteOptions(tenant.appId(), tenant.tenantId(), optionsId)) {
      throw new StatusException(Status.OPTIONS_NOT_FOUND_ERROR);
    }
  }

  /** Deletes expired options of every app; the original's daily clean-up. */
  public int purgeExpired() {
    return storage.webAuthn().deleteOptionsExpiredBefore(clock.millis());
  }
}
