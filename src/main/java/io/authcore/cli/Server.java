package io.authcore.cli;

import io.authcore.Authcore;
import io.authcore.config.ConfigException;
import io.authcore.config.ConfigLoader;
import io.authcore.config.CoreConfig;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs Authcore in this JVM until SIGTERM or SIGINT: config, logging, server, {@code .started}
 * file, the Started line; on the signal the reverse, with the original's shutdown lines.
 */
final class Server {
  static final String STARTED_PREFIX = "Started SuperTokens on";
  static final String CRASH_PREFIX = "What caused the crash: ";

  private static final String BIND_FAILURE =
      "Error while starting webserver. Possible reasons:\n"
          + "- Another instance of SuperTokens is already running on the same port. If you want to"
          + " run another instance, please pass a new config file to it with a different port or"
          + " specify the port via CLI options. \n"
          + "- If you are running this on port 80 or 443, make sure to give the right permission"
          + " to SuperTokens.\n"
          + "- The provided host is not available on this server";

  private Server() {}

  /**
   * Returns only after shutdown has begun ({@link Main#STAY}) or when startup failed (1).
   *
   * @param daemon started by a daemon {@code start}: nobody reads stdout once started, so logs
   *     default to files, and the Started line is printed whatever the level, for the parent
   */
  static int run(StartSettings settings, Installation installation, boolean daemon) {
    CoreConfig config;
    Logging logs;
    try {
      Map<String, String> overrides = new HashMap<>();
      settings.host().ifPresent(h -> overrides.put("host", h));
      settings.port().ifPresent(p -> overrides.put("port", p));
      Optional<Path> file = settings.configFile().or(installation::defaultConfigFile);
      config =
          ConfigLoader.load(
              file.orElse(null), CdsTraining.environment(), overrides, settings.testMode());
      if (settings.noInMemDb() && !config.usesPostgres()) {
        throw new ConfigException(
            "'postgresql_user' and 'postgresql_connection_uri' are not set. Please set at least"
                + " one of these values");
      }
      logs =
          Logging.configure(
              config, daemon ? Optional.of(installation.logsDir()) : Optional.empty());
    } catch (ConfigException e) {
      Console.err(CRASH_PREFIX + e.getMessage());
      return 1;
    }
    logs.info("Completed config.yaml loading.");
    logs.info("Loading storage layer.");

    Authcore core;
    try {
      core = Authcore.start(config);
    } catch (ConfigException e) {
      logs.crash(CRASH_PREFIX + e.getMessage(), null);
      logs.close();
      return 1;
    } catch (RuntimeException e) {
      logs.crash(CRASH_PREFIX + describe(e), e);
      logs.close();
      return 1;
    }

    long pid = ProcessHandle.current().pid();
    AtomicReference<Path> startedFile = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    // Registered before the .started file exists, so a signal at any point removes it.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> stop(core, startedFile, logs, stopped), "authcore-shutdown"));
    StartedFiles started = installation.startedFiles(settings.tempDir());
    try {
      startedFile.set(started.write(config.host(), core.port(), pid, config.basePath()));
    } catch (IOException | SecurityException e) {
      // A read-only installation (a locked-down container) can still serve; only
      // "supertokens list" and "stop" will not see this instance.
      logs.info("Could not write the .started file in " + started.dir() + ": " + e);
    }
    logs.console(
        STARTED_PREFIX + " " + config.host() + ":" + core.port() + " with PID: " + pid, daemon);
    logs.startupOver();
    if (CdsTraining.requested()) {
      return CdsTraining.run(config.host(), core.port()); // Main exits; the hook stops the core
    }

    awaitUninterruptibly(stopped);
    return Main.STAY;
  }

  private static void stop(
      Authcore core, AtomicReference<Path> startedFile, Logging logs, CountDownLatch stopped) {
    try {
      logs.console("Stopping SuperTokens...", false);
      logs.info("Stopping webserver...");
      core.close();
    } catch (RuntimeException e) {
      logs.crash("Error while stopping SuperTokens: " + e, e);
    } finally {
      Path file = startedFile.get();
      if (file != null) {
        StartedFiles.delete(file);
      }
      logs.console("Goodbye", false);
      logs.close();
      stopped.countDown();
    }
  }

  /** The original's message for a port in use; otherwise the exception's own words. */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return BIND_FAILURE;
      }
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
