package io.authcore.recipe.emailverification;

import io.authcore.crypto.Hashes;
import io.authcore.crypto.RandomTokens;
import io.authcore.limits.AbuseLimits;
import io.authcore.limits.Limit;
import io.authcore.limits.LimitReachedException;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.storage.EmailVerificationStore.VerificationToken;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.TenantId;
import java.time.Clock;
import java.util.Optional;

/**
 * Email verification. User ids are taken as given (the SDK sends the external id when a mapping
 * exists) and never checked. Tokens are 48 random bytes (base64url), stored only as their SHA-256
 * hex as the original stores them; they belong to a tenant and last {@code
 * email_verification_token_lifetime}. The verified state belongs to the app.
 */
public final class EmailVerificationService {
  private static final int TOKEN_BYTES = 48;
  private static final int ATTEMPTS = 3;

  private final Storage storage;
  private final Clock clock;
  private final TenantConfigs configs;
  private final AbuseLimits limits;

  public EmailVerificationService(
      Storage storage, Clock clock, TenantConfigs configs, AbuseLimits limits) {
    this.storage = storage;
    this.clock = clock;
    this.configs = configs;
    this.limits = limits;
  }

  /**
   * @throws StatusException {@code EMAIL_ALREADY_VERIFIED_ERROR}
   * @throws LimitReachedException past {@code abuse_email_verification_tokens_per_account}: no
   *     status fits (the SDK reads any other as "already verified", and its frontend would take the
   *     user on as verified and back again), so the API answers 429
   */
  public String createToken(TenantId tenant, String userId, String email) {
    if (storage.emailVerification().isVerified(tenant.appId(), userId, email)) {
      throw new StatusException(Status.EMAIL_ALREADY_VERIFIED_ERROR);
    }
    if (!limits.allow(Limit.EMAIL_VERIFICATION_TOKENS_PER_ACCOUNT, tenant.appId(), userId)) {
      throw new LimitReachedException(Limit.EMAIL_VERIFICATION_TOKENS_PER_ACCOUNT);
    }
    for (int attempt = 1; ; attempt++) {
      String token = RandomTokens.base64Url(TOKEN_BYTES);
      try {
        storage
            .emailVerification()
            .insertToken(
                new VerificationToken(
                    tenant.appId(),
                    tenant.tenantId(),
                    userId,
                    email,
                    Hashes.sha256Hex(token),
                    clock.millis()
                        + configs.config(tenant).longValue("email_verification_token_lifetime")));
        return token;
      } catch (StorageException e) {
        if (e.violation().isEmpty() || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Whose email a token verified. */
  public record Verified(String userId, String email) {}

  /**
   * Verifies the email of a token of this tenant and deletes every token of that (user, email). Of
   * two concurrent uses of one token exactly one succeeds.
   *
   * @throws StatusException {@code EMAIL_VERIFICATION_INVALID_TOKEN_ERROR}
   */
  public Verified verify(TenantId tenant, String token) {
    String app = tenant.appId();
    String tid = tenant.tenantId();
    String hash = Hashes.sha256Hex(token);
    VerificationToken found =
        storage
            .emailVerification()
            .token(app, tid, hash)
            .orElseThrow(EmailVerificationService::invalid);
    // An expired token is deleted and still refused, so the outcome is returned, not thrown.
    Optional<Verified> verified =
        storage.inTransaction(
            tx -> {
              // Deleting the row is what decides between concurrent uses of the token.
              if (!tx.emailVerification().deleteToken(app, tid, hash)) {
                return Optional.empty();
              }
              tx.emailVerification().deleteTokens(app, tid, found.userId(), found.email());
              if (found.expiry() < clock.millis()) {
                return Optional.empty();
              }
              tx.emailVerification().markVerified(app, found.userId(), found.email());
              return Optional.of(new Verified(found.userId(), found.email()));
            });
    return verified.orElseThrow(EmailVerificationService::invalid);
  }

  public boolean isVerified(String appId, String userId, String email) {
    return storage.emailVerification().isVerified(appId, userId, email);
  }

  public void unverify(String appId, String userId, String email) {
    storage.emailVerification().unverify(appId, userId, email);
  }

  public void revokeTokens(TenantId tenant, String userId, String email) {
    storage.emailVerification().deleteTokens(tenant.appId(), tenant.tenantId(), userId, email);
  }

  /** Deletes expired tokens; the original does this twice a day. */
  public int purgeExpired() {
    return storage.emailVerification().deleteExpiredTokens(clock.millis());
  }

  private static StatusException invalid() {
    return new StatusException(Status.EMAIL_VERIFICATION_INVALID_TOKEN_ERROR);
  }
}
