package io.authcore.recipe.webauthn;

import io.authcore.crypto.Hashes;
import io.authcore.crypto.RandomTokens;
import io.authcore.crypto.Secrets;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.users.UserView;
import io.authcore.recipe.users.UsersService;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.UserStore.LoginMethod;
import io.authcore.storage.Violation;
import io.authcore.storage.Violation.Kind;
import io.authcore.storage.WebAuthnStore;
import io.authcore.storage.WebAuthnStore.RecoveryToken;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.TenantId;
import java.time.Clock;
import java.util.Optional;

/**
 * Account recovery tokens: a user who lost every passkey gets a token by email and registers a new
 * one with it. A token is 32 random bytes (base64url) handed out once; the database keeps only its
 * SHA-256 hex, as the original, so a database shared with it accepts either's tokens. Tokens belong
 * to a tenant, last {@code webauthn_recover_account_token_lifetime}, and consuming one deletes
 * every token of its email in the tenant.
 */
public final class RecoveryTokenService {
  private static final int TOKEN_BYTES = 32;
  private static final int ATTEMPTS = 3;
  private static final String LIFETIME = "webauthn_recover_account_token_lifetime";

  private final Storage storage;
  private final UsersService users;
  private final TenantConfigs configs;
  private final Clock clock;

  public RecoveryTokenService(
      Storage storage, UsersService users, TenantConfigs configs, Clock clock) {
    this.storage = storage;
    this.users = users;
    this.configs = configs;
    this.clock = clock;
  }

  /**
   * A token for the user (a SuperTokens or external id, of any recipe) to recover into {@code
   * email} (normalised).
   *
   * @throws StatusException {@code UNKNOWN_USER_ID_ERROR} for an unknown user, or one that is not
   *     in the tenant (which the original answers with a 500)
   */
  public String generate(TenantId tenant, String email, String userId) {
    String appId = tenant.appId();
    String superTokensId =
        users
            .superTokensId(appId, userId)
            .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ID_ERROR));
    long lifetime = configs.config(tenant).longValue(LIFETIME);
    for (int attempt = 1; ; attempt++) {
      String token = RandomTokens.base64Url(TOKEN_BYTES);
      RecoveryToken row =
          new RecoveryToken(
              superTokensId, email, Hashes.sha256Hex(token), clock.millis() + lifetime);
      try {
        storage.webAuthn().insertRecoveryToken(appId, tenant.tenantId(), row);
        return token;
      } catch (StorageException e) {
        Violation v = e.violation().orElseThrow(() -> e);
        if (v.is(Kind.FOREIGN_KEY, WebAuthnStore.TOKEN_USER_KEY)) {
          throw new StatusException(Status.UNKNOWN_USER_ID_ERROR);
        }
        if (v.kind() != Kind.UNIQUE || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** A consumed token: whose it was (the external id when mapped) and the email to recover. */
  public record Consumed(String userId, String email) {}

  /**
   * Consumes the token and every other token of its email in the tenant. Of two consumptions of one
   * token only one succeeds. An expired token is refused and kept, as the original keeps it (the
   * clean-up job removes it).
   *
   * @throws StatusException {@code RECOVER_ACCOUNT_TOKEN_INVALID_ERROR}
   */
  public Consumed consume(TenantId tenant, String token) {
    String appId = tenant.appId();
    String hash = Hashes.sha256Hex(token);
    RecoveryToken found =
        storage.inTransaction(
            tx -> {
              WebAuthnStore store = tx.webAuthn();
              RecoveryToken current =
                  live(store.lockRecoveryTokens(appId, tenant.tenantId(), hash).stream()
                          .filter(t -> Secrets.equal(t.tokenHash(), hash))
                          .findFirst())
                      .orElseThrow(RecoveryTokenService::invalid);
              store.deleteRecoveryTokensOfEmail(appId, tenant.tenantId(), current.email());
              return current;
            });
    String shown = storage.accountIds().externalIdOf(appId, found.userId()).orElse(found.userId());
    return new Consumed(shown, found.email());
  }

  /** The user a token recovers, and the id of its WebAuthn login method in the tenant (or null). */
  public record Recovering(AuthUser user, String recipeUserId) {}

  /**
   * Looks the token up without consuming it.
   *
   * @throws StatusException {@code RECOVER_ACCOUNT_TOKEN_INVALID_ERROR}
   */
  public Recovering userFor(TenantId tenant, String token) {
    String appId = tenant.appId();
    String hash = Hashes.sha256Hex(token);
    RecoveryToken found =
        live(storage.webAuthn().recoveryTokens(appId, tenant.tenantId(), hash).stream()
                .filter(t -> Secrets.equal(t.tokenHash(), hash))
                .findFirst())
            .orElseThrow(RecoveryTokenService::invalid);
    AuthUser user =
        storage.users().find(appId, found.userId()).orElseThrow(RecoveryTokenService::invalid);
    // The original keeps the last WebAuthn login method of the tenant it meets.
    String recipeUserId = null;
    for (LoginMethod m : user.loginMethods()) {
      if (m.recipeId().equals(WebAuthnAccountService.RECIPE)
          && m.tenantIds().contains(tenant.tenantId())) {
        recipeUserId = UserView.shownId(m);
      }
    }
    return new Recovering(user, recipeUserId);
  }

  private Optional<RecoveryToken> live(Optional<RecoveryToken> token) {
    return token.filter(t -> t.expiresAt() >= clock.millis());
  }

  /** Deletes expired tokens of every app; the original's daily clean-up. */
  public int purgeExpired() {
    return storage.webAuthn().deleteRecoveryTokensExpiredBefore(clock.millis());
  }

  private static StatusException invalid() {
    return new StatusException(Status.RECOVER_ACCOUNT_TOKEN_INVALID_ERROR);
  }
}
