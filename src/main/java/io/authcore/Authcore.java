package io.authcore;

import io.authcore.config.CoreConfig;
import io.authcore.crypto.Jwt;
import io.authcore.crypto.RsaKeys;
import io.authcore.crypto.password.PasswordHasher;
import io.authcore.events.AuthEvents;
import io.authcore.http.Api;
import io.authcore.http.HttpServer;
import io.authcore.http.Scheduling;
import io.authcore.http.ScrapeListener;
import io.authcore.jobs.BulkMigration;
import io.authcore.jobs.Jobs;
import io.authcore.jobs.NativeHeap;
import io.authcore.limits.AbuseLimits;
import io.authcore.metrics.Metrics;
import io.authcore.recipe.accountlinking.AccountLinkingApi;
import io.authcore.recipe.accountlinking.AccountLinkingService;
import io.authcore.recipe.bulkimport.BulkImportApi;
import io.authcore.recipe.bulkimport.BulkImportService;
import io.authcore.recipe.core.ApiVersionApi;
import io.authcore.recipe.core.ConfigApi;
import io.authcore.recipe.core.HelloApi;
import io.authcore.recipe.core.HelloService;
import io.authcore.recipe.core.RequestStatsApi;
import io.authcore.recipe.core.TelemetryApi;
import io.authcore.recipe.dashboard.ConfigFields;
import io.authcore.recipe.dashboard.DashboardAdmins;
import io.authcore.recipe.dashboard.DashboardApi;
import io.authcore.recipe.dashboard.DashboardSessions;
import io.authcore.recipe.emailpassword.AccountUpdateService;
import io.authcore.recipe.emailpassword.AppPasswords;
import io.authcore.recipe.emailpassword.EmailPasswordApi;
import io.authcore.recipe.emailpassword.EmailPasswordService;
import io.authcore.recipe.emailpassword.PasswordResetService;
import io.authcore.recipe.emailverification.EmailVerificationApi;
import io.authcore.recipe.emailverification.EmailVerificationService;
import io.authcore.recipe.jwt.JwtApi;
import io.authcore.recipe.jwt.JwtService;
import io.authcore.recipe.license.LicenseApi;
import io.authcore.recipe.license.LicenseService;
import io.authcore.recipe.metadata.MetadataApi;
import io.authcore.recipe.metadata.MetadataService;
import io.authcore.recipe.multitenancy.MultitenancyApi;
import io.authcore.recipe.multitenancy.MultitenancyService;
import io.authcore.recipe.passwordless.PasswordlessApi;
import io.authcore.recipe.passwordless.PasswordlessCodesService;
import io.authcore.recipe.passwordless.PasswordlessService;
import io.authcore.recipe.passwordless.PasswordlessUserUpdate;
import io.authcore.recipe.roles.RolesApi;
import io.authcore.recipe.roles.RolesService;
import io.authcore.recipe.roles.UserRolesApi;
import io.authcore.recipe.roles.UserRolesService;
import io.authcore.recipe.session.SessionApi;
import io.authcore.recipe.session.SessionRegistry;
import io.authcore.recipe.session.SessionService;
import io.authcore.recipe.session.SigningKeys;
import io.authcore.recipe.thirdparty.ThirdPartyApi;
import io.authcore.recipe.thirdparty.ThirdPartyService;
import io.authcore.recipe.totp.TotpApi;
import io.authcore.recipe.totp.TotpDevices;
import io.authcore.recipe.totp.TotpVerification;
import io.authcore.recipe.useridmapping.UserIdMappingApi;
import io.authcore.recipe.useridmapping.UserIdMappingService;
import io.authcore.recipe.users.ActiveUsers;
import io.authcore.recipe.users.ApproximateUserCount;
import io.authcore.recipe.users.UserCountsApi;
import io.authcore.recipe.users.UserDeletion;
import io.authcore.recipe.users.UsersApi;
import io.authcore.recipe.users.UsersService;
import io.authcore.recipe.webauthn.RecoveryTokenService;
import io.authcore.recipe.webauthn.WebAuthnAccountService;
import io.authcore.recipe.webauthn.WebAuthnApi;
import io.authcore.recipe.webauthn.WebAuthnCeremonyService;
import io.authcore.recipe.webauthn.WebAuthnOptionsService;
import io.authcore.recipe.webauthn.WebAuthnUserApi;
import io.authcore.storage.Storage;
import io.authcore.storage.StoredTenants;
import io.authcore.storage.jdbc.JdbcStorage;
import io.authcore.tracing.Tracing;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The composition root: config, then storage, then services, then their APIs, then the server. */
public final class Authcore implements AutoCloseable {
  private final Storage storage;
  private final Jobs jobs;
  private final BulkMigration bulkMigration;
  private final PasswordHasher hasher;
  private final HttpServer server;
  private final Metrics metrics;
  private final ScrapeListener scrapeListener; // null unless metrics_port is set
  private final Tracing tracing;

  private Authcore(
      Storage storage,
      Jobs jobs,
      BulkMigration bulkMigration,
      PasswordHasher hasher,
      HttpServer server,
      Metrics metrics,
      ScrapeListener scrapeListener,
      Tracing tracing) {
    this.metrics = metrics;
    this.scrapeListener = scrapeListener;
    this.storage = storage;
    this.jobs = jobs;
    this.bulkMigration = bulkMigration;
    this.hasher = hasher;
    this.server = server;
    this.tracing = tracing;
  }

  public static Authcore start(CoreConfig config) {
    return start(config, Clock.systemUTC());
  }

  public static Authcore start(CoreConfig config, Clock clock) {
    return start(config, clock, System.getenv());
  }

  /**
   * @param env the environment variables read besides the config (the original reads {@code
   *     BULK_MIGRATION_CRON_ENABLED} so)
   */
  public static Authcore start(CoreConfig config, Clock clock, Map<String, String> env) {
    if (!config.usesPostgres()) {
      // A fresh in-memory database: the public app's static and first dynamic signing keys are
      // made on another core while the schema is created (start-up time, issue 23).
      RsaKeys.generateAhead(2);
    }
    Tracing tracing = Tracing.of(config); // OFF unless otel_collector_connection_uri is set
    // What needs no database is made on another core while the storage opens: the hashing pools
    // (with libc loaded through JNA for their priorities), the RS256 signer (OpenSSL or JDK) and
    // the listening server, which holds requests until the services are given to it.
    CompletableFuture<PasswordHasher> hashing = new CompletableFuture<>();
    CompletableFuture<HttpServer> listening = new CompletableFuture<>();
    new Thread(
            () -> {
              try {
                Jwt.chooseSigner();
                hashing.complete(new PasswordHasher(config, tracing));
                listening.complete(HttpServer.bind(config));
              } catch (RuntimeException | Error e) {
                hashing.completeExceptionally(e);
                listening.completeExceptionally(e);
              }
            },
            "authcore-start")
        .start();
    Metrics metrics = Metrics.from(config);
    Storage storage;
    try {
      storage = JdbcStorage.open(config, metrics.databasePool().orElse(null), tracing);
    } catch (RuntimeException e) {
      hashing.thenAccept(PasswordHasher::close);
      listening.thenAccept(HttpServer::stop);
      metrics.close();
      tracing.close();
      throw e;
    }
    PasswordHasher hasher;
    try {
      hasher = hashing.join();
    } catch (CompletionException e) {
      listening.thenAccept(HttpServer::stop);
      storage.close();
      metrics.close();
      tracing.close();
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    Jobs jobs = new Jobs();
    ScrapeListener scrapeListener = null;
    try {
      metrics.watch(hasher);
      AuthEvents events = metrics.events();
      StoredTenants tenants = new StoredTenants(storage.tenants(), config, clock);
      SigningKeys keys = new SigningKeys(storage, clock, tenants);
      keys.reportTo(events);
      tenants.appIds().forEach(keys::ensureKeys);

      ActiveUsers activeUsers = new ActiveUsers(storage, clock);
      SessionService sessions =
          new SessionService(storage, keys, clock, tenants, activeUsers, events);
      SessionRegistry registry = new SessionRegistry(storage, clock, events);
      tenants.onAppRemoved(
          appId -> {
            keys.forget(appId);
            sessions.forgetApp(appId);
          });
      MultitenancyService multitenancy =
          new MultitenancyService(storage, tenants, config, clock, keys::ensureKeys);
      UsersService users = new UsersService(storage);
      AbuseLimits limits = new AbuseLimits(tenants, clock);
      PasswordResetService resets =
          new PasswordResetService(storage, hasher, tenants, users, limits, clock);
      EmailVerificationService verification =
          new EmailVerificationService(storage, clock, tenants, limits);
      UserDeletion deletion = new UserDeletion(storage, users);
      PasswordlessCodesService passwordlessCodes =
          new PasswordlessCodesService(storage, tenants, limits, clock);
      TotpVerification totpCodes = new TotpVerification(storage, tenants, clock);
      WebAuthnOptionsService webAuthnOptions = new WebAuthnOptionsService(storage, users, clock);
      RecoveryTokenService recoveryTokens =
          new RecoveryTokenService(storage, users, tenants, clock);
      AppPasswords appPasswords = new AppPasswords(hasher, tenants);
      DashboardSessions dashboardSessions = new DashboardSessions(storage, appPasswords, clock);
      BulkMigration bulkMigration = new BulkMigration(tenants, env);
      BulkImportService bulkImport =
          new BulkImportService(storage, tenants, appPasswords, clock, bulkMigration::soon);
      List<Api> apis = new ArrayList<>(metrics.apis(tenants::appIds));
      apis.addAll(
          List.of(
              new HelloApi(new HelloService(storage, clock), tenants),
              new ApiVersionApi(),
              new TelemetryApi(storage, tenants),
              new RequestStatsApi(tenants, clock),
              new ConfigApi(config),
              new SessionApi(sessions, registry),
              new JwtApi(new JwtService(keys, clock)),
              new MultitenancyApi(multitenancy, tenants),
              new LicenseApi(new LicenseService(storage, clock), tenants),
              new MetadataApi(new MetadataService(storage)),
              new RolesApi(new RolesService(storage)),
              new UserRolesApi(new UserRolesService(storage)),
              new UsersApi(users, deletion),
              new UserCountsApi(
                  users,
                  new ApproximateUserCount(
                      storage, clock, task -> jobs.soon("approximate user count", task)),
                  activeUsers,
                  tenants,
                  clock),
              new EmailPasswordApi(
                  new EmailPasswordService(
                      storage, hasher, tenants, users, activeUsers, limits, clock, events),
                  new AccountUpdateService(storage, hasher, tenants, users),
                  resets,
                  tenants,
                  tenants),
              new ThirdPartyApi(
                  new ThirdPartyService(storage, users, activeUsers, clock, events),
                  tenants,
                  tenants),
              new PasswordlessApi(
                  passwordlessCodes,
                  new PasswordlessService(
                      storage, passwordlessCodes, users, activeUsers, clock, events),
                  new PasswordlessUserUpdate(storage, users),
                  tenants,
                  tenants),
              new AccountLinkingApi(
                  new AccountLinkingService(storage, users, deletion, registry, activeUsers)),
              new EmailVerificationApi(verification),
              new UserIdMappingApi(new UserIdMappingService(storage, clock)),
              new TotpApi(new TotpDevices(storage, clock), totpCodes),
              new WebAuthnApi(
                  webAuthnOptions,
                  new WebAuthnCeremonyService(storage, users, activeUsers, clock, events),
                  tenants),
              new WebAuthnUserApi(
                  new WebAuthnAccountService(storage, users), recoveryTokens, tenants),
              new DashboardApi(
                  new DashboardAdmins(storage, appPasswords, clock),
                  dashboardSessions,
                  new ConfigFields(JdbcStorage.pluginSettings(config)),
                  tenants,
                  tenants),
              new BulkImportApi(bulkImport, tenants)));

      // Each app is looked at every tenth of its own rotation interval (see rotateDueApps).
      jobs.every(
          "signing key rotation",
          Duration.ofMillis(500),
          () -> keys.rotateDueApps(tenants.appIds()));
      jobs.every(
          "expired signing keys",
          Duration.ofHours(24),
          () -> tenants.appIds().forEach(keys::purgeExpired));
      jobs.every("expired sessions", Duration.ofHours(12), registry::purgeExpired);
      jobs.every("expired password reset tokens", Duration.ofHours(1), resets::purgeExpired);
      jobs.every(
          "expired passwordless devices", Duration.ofHours(1), passwordlessCodes::purgeExpired);
      jobs.every("expired TOTP used codes", Duration.ofHours(1), totpCodes::purgeExpired);
      jobs.every(
          "expired dashboard sessions", Duration.ofHours(12), dashboardSessions::purgeExpired);
      jobs.every(
          "expired email verification tokens", Duration.ofHours(12), verification::purgeExpired);
      jobs.every("expired WebAuthn options", Duration.ofHours(24), webAuthnOptions::purgeExpired);
      jobs.every(
          "expired WebAuthn recovery tokens", Duration.ofHours(24), recoveryTokens::purgeExpired);
      // The original's SyncCoreConfigWithDb: changes made through other cores take effect here.
      jobs.every("tenant sync", Duration.ofSeconds(60), tenants::refresh);
      Object metricsPort = config.get("metrics_port");
      if (metricsPort != null && metrics.enabled()) {
        scrapeListener =
            ScrapeListener.start(
                config.host(),
                (Integer) metricsPort,
                "/metrics",
                Metrics.CONTENT_TYPE,
                metrics::scrape);
      }
      HttpServer server = listening.join();
      Authcore core =
          new Authcore(
              storage, jobs, bulkMigration, hasher, server, metrics, scrapeListener, tracing);
      server.serve(
          tenants,
          tenants,
          apis,
          new Scheduling(hasher::admissionLimit, hasher::lowerRequestThread),
          tracing);
      bulkMigration.start(bulkImport.drain());
      // The JVM hands its compilers' spent memory to malloc every 5 s; trimming soon after keeps
      // it from staying resident. A trim takes 0.03 ms with nothing to give back, 1–2 ms for 20 MB.
      NativeHeap.ofThisProcess()
          .ifPresent(heap -> jobs.every("native heap trim", Duration.ofSeconds(10), heap::trim));
      return core;
    } catch (RuntimeException e) {
      listening.thenAccept(HttpServer::stop);
      if (scrapeListener != null) {
        scrapeListener.stop();
      }
      jobs.close();
      hasher.close();
      storage.close();
      metrics.close();
      tracing.close();
      throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause
          ? cause
          : e;
    }
  }

  /** How many stored passwords were checked since start (tests count what reached the hash). */
  public long passwordVerifications() {
    return hasher.verifications();
  }

  /** The bound port, which differs from the configured one when that was 0. */
  public int port() {
    return server.port();
  }

  /** The port of the metrics-only listener ({@code metrics_port}), or -1 when there is none. */
  public int metricsPort() {
    return scrapeListener == null ? -1 : scrapeListener.port();
  }

  @Override
  public void close() {
    server.stop();
    if (scrapeListener != null) {
      scrapeListener.stop();
    }
    bulkMigration.close();
    jobs.close();
    hasher.close();
    storage.close();
    metrics.close();
    tracing.close(); // last: sends the spans still buffered
  }
}
