package io.authcore.recipe.emailpassword;

import io.authcore.crypto.Hashes;
import io.authcore.crypto.RandomTokens;
import io.authcore.crypto.Secrets;
import io.authcore.crypto.password.PasswordHasher;
import io.authcore.limits.AbuseLimits;
import io.authcore.limits.Limit;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.users.Emails;
import io.authcore.recipe.users.UsersService;
import io.authcore.storage.EmailPasswordStore.ResetToken;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.Stores;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.UserStore.LoginMethod;
import io.authcore.storage.Violation.Kind;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.TenantId;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Password-reset tokens. A token is 48 random bytes (base64url) handed out once; the database only
 * ever holds its SHA-256 hex, as the original stores it, so a database shared with the original
 * accepts either's tokens. Tokens belong to the app, last {@code password_reset_token_lifetime},
 * and consuming one deletes every reset token of its user, in one transaction under the user's
 * lock: of two concurrent consumptions exactly one succeeds.
 */
public final class PasswordResetService {
  private static final int TOKEN_BYTES = 48;
  private static final int ATTEMPTS = 3;

  private final Storage storage;
  private final AppPasswords passwords;
  private final TenantConfigs configs;
  private final UsersService users;
  private final AbuseLimits limits;
  private final Clock clock;

  public PasswordResetService(
      Storage storage,
      PasswordHasher hasher,
      TenantConfigs configs,
      UsersService users,
      AbuseLimits limits,
      Clock clock) {
    this.storage = storage;
    this.passwords = new AppPasswords(hasher, configs);
    this.configs = configs;
    this.users = users;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * A new token for the user (a SuperTokens or external id) to set up a password for the email
   * {@code email} gives. It is asked for once the user is found, so that an unknown user is
   * reported before anything wrong with the email, as the original does.
   *
   * @throws StatusException {@code UNKNOWN_USER_ID_ERROR}
   */
  public String createToken(TenantId tenant, String userId, Supplier<String> email) {
    String superTokensId = existing(tenant.appId(), userId);
    return insertToken(tenant, superTokensId, email.get());
  }

  /**
   * A new token for an email-password user who signs in with nothing else, to reset the password of
   * its own email (how tokens were asked for before account linking).
   *
   * @throws StatusException {@code UNKNOWN_USER_ID_ERROR} when the user is not known or is not an
   *     email-password user
   * @throws LinkedUserException when the user has more than one login method
   */
  public String createTokenForOwnEmail(TenantId tenant, String userId) {
    String superTokensId = existing(tenant.appId(), userId);
    AuthUser user =
        users
            .find(tenant.appId(), superTokensId)
            .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ID_ERROR));
    if (user.loginMethods().size() > 1) {
      throw new LinkedUserException();
    }
    LoginMethod only = user.loginMethods().get(0);
    if (only.email() == null || !only.recipeId().equals(EmailPasswordService.RECIPE)) {
      throw new StatusException(Status.UNKNOWN_USER_ID_ERROR);
    }
    return insertToken(tenant, superTokensId, only.email());
  }

  /** The user has linked login methods: only a client that names the email can ask. */
  public static final class LinkedUserException extends RuntimeException {
    LinkedUserException() {
      super("the user has more than one login method", null, false, false);
    }
  }

  private String existing(String appId, String userId) {
    return users
        .superTokensId(appId, userId)
        .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ID_ERROR));
  }

  /**
   * Past {@code abuse_password_reset_tokens_per_account} the user is reported unknown: the SDK then
   * tells the frontend OK and sends nothing, so the answer reveals nothing either.
   */
  private String insertToken(TenantId tenant, String superTokensId, String email) {
    String appId = tenant.appId();
    if (!limits.allow(Limit.PASSWORD_RESET_TOKENS_PER_ACCOUNT, appId, superTokensId)) {
      throw new StatusException(Status.UNKNOWN_USER_ID_ERROR);
    }
    long lifetimeMs = configs.config(tenant).longValue("password_reset_token_lifetime");
    for (int attempt = 1; ; attempt++) {
      String token = RandomTokens.base64Url(TOKEN_BYTES);
      ResetToken row =
          new ResetToken(
              appId, superTokensId, Hashes.sha256Hex(token), clock.millis() + lifetimeMs, email);
      try {
        storage.emailPassword().insertResetToken(row);
        return token;
      } catch (StorageException e) {
        var violation = e.violation();
        if (violation.isPresent() && violation.get().kind() == Kind.FOREIGN_KEY) {
          throw new StatusException(Status.UNKNOWN_USER_ID_ERROR); // deleted meanwhile
        }
        if (violation.isEmpty() || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** A consumed token: whose it was (the external id when mapped) and for which email. */
  public record Consumed(String userId, String email) {}

  /**
   * @throws StatusException {@code RESET_PASSWORD_INVALID_TOKEN_ERROR}
   */
  public Consumed consume(String appId, String token) {
    return consume(appId, token, null);
  }

  /**
   * The legacy flow: consumes the token and sets the new password in the same transaction.
   *
   * @throws StatusException {@code RESET_PASSWORD_INVALID_TOKEN_ERROR}
   * @throws io.authcore.crypto.password.PasswordTooLongException for an overlong password
   */
  public Consumed resetPassword(String appId, String token, String newPassword) {
    return consume(appId, token, passwords.hash(appId, newPassword));
  }

  private Consumed consume(String appId, String token, String newHash) {
    String hash = Hashes.sha256Hex(token);
    ResetToken found = storage.emailPassword().resetToken(appId, hash).orElseThrow(this::invalid);
    // An expired token is deleted (with the user's others) and still refused: the deletion must
    // commit, so the outcome is returned rather than thrown from inside the transaction.
    Optional<Consumed> result =
        storage.inTransaction(tx -> consumeLocked(tx, appId, found.userId(), hash, newHash));
    Consumed consumed = result.orElseThrow(this::invalid);
    if (consumed.email() != null) {
      // The user proved they hold the email: a lockout by someone else's guesses ends here.
      limits.clear(Limit.SIGN_IN_FAILURES_PER_ACCOUNT, appId, Emails.normalise(consumed.email()));
    }
    String shown =
        storage.accountIds().externalIdOf(appId, consumed.userId()).orElse(consumed.userId());
    return new Consumed(shown, consumed.email());
  }

  private Optional<Consumed> consumeLocked(
      Stores tx, String appId, String userId, String hash, String newHash) {
    if (!tx.userData().lock(appId, userId)) {
      return Optional.empty();
    }
    // Read again under the lock: a concurrent consumption has deleted it by now if it won.
    Optional<ResetToken> current =
        tx.emailPassword().resetTokensOf(appId, userId).stream()
            .filter(t -> Secrets.equal(t.tokenHash(), hash))
            .findFirst();
    if (current.isEmpty()) {
      return Optional.empty();
    }
    tx.emailPassword().deleteResetTokensOf(appId, userId);
    if (current.get().expiry() < clock.millis()) {
      return Optional.empty();
    }
    if (newHash != null) {
      tx.emailPassword().updatePasswordHash(appId, userId, newHash);
      return Optional.of(new Consumed(userId, current.get().email()));
    }
    String email = current.get().email();
    if (email == null) {
      // A token from before account linking: the user's only login method says which email.
      AuthUser user = tx.users().find(appId, userId).orElse(null);
      if (user == null || user.loginMethods().size() != 1) {
        return Optional.empty();
      }
      LoginMethod only = user.loginMethods().get(0);
      if (only.email() == null || !only.recipeId().equals(EmailPasswordService.RECIPE)) {
        return Optional.empty();
      }
      email = only.email();
    }
    return Optional.of(new Consumed(userId, email));
  }

  /** Deletes expired tokens; the original does this every hour. */
  public int purgeExpired() {
    return storage.emailPassword().deleteExpiredResetTokens(clock.millis());
  }

  private StatusException invalid() {
    return new StatusException(Status.RESET_PASSWORD_INVALID_TOKEN_ERROR);
  }
}
