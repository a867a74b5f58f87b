package io.authcore.recipe.emailpassword;

import io.authcore.crypto.RandomTokens;
import io.authcore.crypto.password.InvalidPasswordHashException;
import io.authcore.crypto.password.PasswordHashImport;
import io.authcore.crypto.password.PasswordHasher;
import io.authcore.crypto.password.UnverifiableHashException;
import io.authcore.events.AuthEvents;
import io.authcore.limits.AbuseLimits;
import io.authcore.limits.Attempt;
import io.authcore.limits.Limit;
import io.authcore.limits.LimitReachedException;
import io.authcore.recipe.Outcomes;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.users.ActiveUsers;
import io.authcore.recipe.users.UsersService;
import io.authcore.storage.EmailPasswordStore.Credentials;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.UserStore.LoginMethod;
import io.authcore.storage.Violation;
import io.authcore.storage.Violation.Kind;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The email-password recipe: sign-up, sign-in, lookup, import of hashes. Emails arrive normalised.
 * Hashing happens before any transaction starts, so no database connection waits on it.
 */
public final class EmailPasswordService {
  private static final Logger log = LoggerFactory.getLogger(EmailPasswordService.class);

  static final String RECIPE = "emailpassword";
  static final long UNVERIFIABLE_WARNING_EVERY_MS = 600_000;
  static final String EMAIL_KEY = "emailpassword_user_to_tenant_email_key";

  /** A fresh random id colliding with an existing one is (almost) impossible; retry a little. */
  private static final int ID_ATTEMPTS = 3;

  private final Storage storage;
  private final ActiveUsers activeUsers;
  private final PasswordHasher hasher;
  private final AppPasswords passwords;
  private final UsersService users;
  private final AbuseLimits limits;
  private final Clock clock;
  // Only users whose stored hash this core will not verify: a handful, written from outside.
  private final Map<String, Long> unverifiableWarnedAt = new ConcurrentHashMap<>();

  private final AuthEvents events;

  public EmailPasswordService(
      Storage storage,
      PasswordHasher hasher,
      TenantConfigs configs,
      UsersService users,
      ActiveUsers activeUsers,
      AbuseLimits limits,
      Clock clock,
      AuthEvents events) {
    this.events = events;
    this.storage = storage;
    this.activeUsers = activeUsers;
    this.hasher = hasher;
    this.passwords = new AppPasswords(hasher, configs);
    this.users = users;
    this.limits = limits;
    this.clock = clock;
  }

  /** A signed-up or signed-in user: the whole group, and the id of the login method used. */
  public record SignedIn(AuthUser user, String recipeUserId) {}

  /**
   * @param clientIp the end user's address, or null when not known
   * @throws io.authcore.crypto.password.PasswordTooLongException for an overlong password
   * @throws StatusException {@code EMAIL_ALREADY_EXISTS_ERROR}
   * @throws LimitReachedException past {@code abuse_sign_ups_per_ip}
   */
  public SignedIn signUp(TenantId tenant, String email, String password, String clientIp) {
    if (!limits.allow(Limit.SIGN_UPS_PER_IP, tenant.appId(), clientIp)) {
      throw new LimitReachedException(Limit.SIGN_UPS_PER_IP);
    }
    return Outcomes.reported(
        () -> addUser(tenant, email, password),
        (signedUp, outcome) -> events.signUp(tenant.appId(), RECIPE, outcome));
  }

  private SignedIn addUser(TenantId tenant, String email, String password) {
    String hash = passwords.hash(tenant.appId(), password);
    long now = clock.millis();
    // The original marks the placeholder emails SDKs make up for phone-only users as verified.
    boolean fakeEmail =
        email.endsWith("@stfakeemail.supertokens.com") || email.endsWith(".fakeemail.com");
    String userId = insert(tenant, email, hash, now, fakeEmail);
    SignedIn signedUp = new SignedIn(newUser(tenant, userId, email, now, fakeEmail), userId);
    activeUsers.markActive(tenant.appId(), userId);
    return signedUp;
  }

  /** A user just written: one login method, no mapping, not linked. */
  private static AuthUser newUser(
      TenantId tenant, String userId, String email, long now, boolean verified) {
    LoginMethod method =
        new LoginMethod(
            RECIPE,
            userId,
            null,
            Set.of(tenant.tenantId()),
            now,
            verified,
            email,
            null,
            null,
            null,
            null);
    return new AuthUser(userId, null, false, List.of(method));
  }

  /**
   * Writes a new user under a fresh id and returns the id.
   *
   * @throws StatusException {@code EMAIL_ALREADY_EXISTS_ERROR} when the tenant has the email
   */
  private String insert(TenantId tenant, String email, String hash, long now, boolean verified) {
    for (int attempt = 1; ; attempt++) {
      String userId = RandomTokens.uuid();
      try {
        storage.runInTransaction(
            tx -> {
              tx.emailPassword()
                  .insertUser(tenant.appId(), tenant.tenantId(), userId, email, hash, now);
              if (verified) {
                tx.emailVerification().markVerified(tenant.appId(), userId, email);
              }
            });
        return userId;
      } catch (StorageException e) {
        Violation v = e.violation().orElseThrow(() -> e);
        if (v.is(Kind.UNIQUE, EMAIL_KEY)) {
          throw new StatusException(Status.EMAIL_ALREADY_EXISTS_ERROR);
        }
        if (v.kind() != Kind.UNIQUE || attempt >= ID_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /**
   * A sign-in under the abuse limits: past {@code abuse_sign_in_failures_per_account} (failures and
   * attempts under way together) or {@code abuse_sign_in_failures_per_ip}, the answer is {@code
   * WRONG_CREDENTIALS_ERROR} at once, without hashing, so even the right password fails until the
   * window ends. A success clears the account's failures, not the address's.
   *
   * @param clientIp the end user's address, or null when not known
   * @throws StatusException {@code WRONG_CREDENTIALS_ERROR}
   */
  public SignedIn signIn(TenantId tenant, String email, String password, String clientIp) {
    return Outcomes.reported(
        () -> limitedSignIn(tenant, email, password, clientIp),
        (signedIn, outcome) -> events.signIn(tenant.appId(), RECIPE, outcome));
  }

  private SignedIn limitedSignIn(TenantId tenant, String email, String password, String clientIp) {
    Attempt attempt =
        limits
            .begin(
                tenant.appId(),
                Limit.SIGN_IN_FAILURES_PER_ACCOUNT,
                email,
                Limit.SIGN_IN_FAILURES_PER_IP,
                clientIp)
            .orElseThrow(() -> new StatusException(Status.WRONG_CREDENTIALS_ERROR));
    try {
      SignedIn signedIn = checkPassword(tenant, email, password);
      attempt.succeeded();
      return signedIn;
    } catch (StatusException e) {
      if (e.status() == Status.WRONG_CREDENTIALS_ERROR) {
        attempt.failed();
      }
      throw e;
    } finally {
      attempt.abandoned(); // an error: the place is freed, nothing counted
    }
  }

  /**
   * A wrong password and an unknown email fail alike, and take alike: an unknown email is checked
   * against a dummy hash of the configured cost. A stored hash this core will not verify (beyond
   * the cost bounds, or Firebase scrypt without a signer key) fails alike too, with a warning in
   * the log saying why.
   */
  private SignedIn checkPassword(TenantId tenant, String email, String password) {
    Optional<Credentials> found =
        storage.emailPassword().findByEmail(tenant.appId(), tenant.tenantId(), email);
    boolean matches =
        found.isPresent()
            ? verify(tenant.appId(), found.get(), password)
            : hasher.verifyAgainstDummy(password);
    if (!matches) {
      throw new StatusException(Status.WRONG_CREDENTIALS_ERROR);
    }
    String userId = found.get().userId();
    AuthUser user =
        storage
            .users()
            .find(tenant.appId(), userId)
            .orElseThrow(() -> new StatusException(Status.WRONG_CREDENTIALS_ERROR));
    activeUsers.markActive(tenant.appId(), userId);
    return new SignedIn(user, shownIdOf(user, userId));
  }

  private boolean verify(String appId, Credentials stored, String password) {
    try {
      return passwords.verify(appId, password, stored.passwordHash());
    } catch (UnverifiableHashException e) {
      // Once per user every ten minutes: someone trying such an account must not flood the log.
      long now = clock.millis();
      String user = appId + "/" + stored.userId();
      Long last = unverifiableWarnedAt.get(user);
      if (last == null || now - last >= UNVERIFIABLE_WARNING_EVERY_MS || now < last) {
        unverifiableWarnedAt.put(user, now);
        log.warn(
            "Sign-in of user {} in app {} refused without checking the password: {}",
            stored.userId(),
            appId,
            e.getMessage());
      }
      // Nothing was computed; the dummy keeps the answer as slow as a wrong password's.
      return hasher.verifyAgainstDummy(password);
    }
  }

  private static String shownIdOf(AuthUser user, String recipeUserId) {
    return user.loginMethods().stream()
        .filter(m -> m.recipeUserId().equals(recipeUserId))
        .map(m -> m.externalId() != null ? m.externalId() : m.recipeUserId())
        .findFirst()
        .orElse(recipeUserId);
  }

  /**
   * The deprecated {@code GET /recipe/user?userId}: the user reduced to this email-password login
   * method, as the original shows it.
   */
  public Optional<AuthUser> byId(String appId, String userId) {
    return users.asRecipeUser(appId, userId, RECIPE);
  }

  /** The deprecated {@code GET /recipe/user?email}: the whole group. */
  public Optional<AuthUser> byEmail(TenantId tenant, String email) {
    return storage
        .emailPassword()
        .findByEmail(tenant.appId(), tenant.tenantId(), email)
        .flatMap(c -> storage.users().find(tenant.appId(), c.userId()));
  }

  /** What an import did. */
  public record Imported(AuthUser user, boolean didUserAlreadyExist) {}

  /**
   * Creates a user with a given hash, or replaces the hash of the tenant's user with that email.
   *
   * @throws InvalidPasswordHashException with the text of a 400
   */
  public Imported importUser(TenantId tenant, String email, PasswordHashImport request)
      throws InvalidPasswordHashException {
    passwords.checkImport(tenant.appId(), request);
    String hash = request.passwordHash();
    while (true) {
      Optional<Credentials> existing =
          storage.emailPassword().findByEmail(tenant.appId(), tenant.tenantId(), email);
      if (existing.isPresent()) {
        String userId = existing.get().userId();
        storage.emailPassword().updatePasswordHash(tenant.appId(), userId, hash);
        Optional<AuthUser> user = storage.users().find(tenant.appId(), userId);
        if (user.isPresent()) {
          return new Imported(user.get(), true);
        }
      }
      try {
        long now = clock.millis();
        String userId = insert(tenant, email, hash, now, false);
        return new Imported(newUser(tenant, userId, email, now, false), false);
      } catch (StatusException e) {
        // Another request created the user meanwhile: overwrite its hash instead.
        if (e.status() != Status.EMAIL_ALREADY_EXISTS_ERROR) {
          throw e;
        }
      }
    }
  }
}
