package io.authcore.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.authcore.config.ConfigException;
import io.authcore.config.CoreConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets logback up from {@code log_level}, {@code info_log_path} and {@code error_log_path},
 * replacing {@link BootstrapLogging}: DEBUG and INFO go to the info log, WARN and ERROR to the
 * error log, each the file named or, when the path is unset or "null", stdout and stderr in the
 * foreground and the installation's {@code logs/} for a daemon.
 */
final class Logging {
  private static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

  /** Chatty at INFO and not ours: their WARN and above is what an operator needs. */
  static final List<String> LIBRARIES =
      List.of("org.xnio", "org.jboss", "io.undertow", "com.zaxxer.hikari", "org.flywaydb");

  private static final Logger LOG = LoggerFactory.getLogger("io.authcore");

  private static final String STARTUP_ECHO = "startup";

  private final Level level;
  private final boolean infoInFile;
  private final boolean errorInFile;

  private Logging(Level level, boolean infoInFile, boolean errorInFile) {
    this.level = level;
    this.infoInFile = infoInFile;
    this.errorInFile = errorInFile;
  }

  /**
   * @param defaultDir where the logs go when no path is configured: empty means the console; a
   *     daemon has none, so it gets the installation's {@code logs/}, as the original's default.
   */
  static Logging configure(CoreConfig config, Optional<Path> defaultDir) {
    // One JSON object per line ({@link JsonLayout}) when USE_STRUCTURED_LOGGING=true.
    boolean structured = JsonLayout.requested(System.getenv());
    Level level = level(config.string("log_level"));
    Optional<Path> infoFile = file(config.string("info_log_path"), defaultDir, "info.log");
    Optional<Path> errorFile = file(config.string("error_log_path"), defaultDir, "error.log");
    infoFile.ifPresent(Logging::checkWritable);
    errorFile.ifPresent(Logging::checkWritable);

    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level);
    Level libraries = level.isGreaterOrEqual(Level.WARN) ? level : Level.WARN;
    LIBRARIES.forEach(name -> context.getLogger(name).setLevel(libraries));

    root.addAppender(appender(context, infoFile, "System.out", false, structured));
    root.addAppender(appender(context, errorFile, "System.err", true, structured));
    if (errorFile.isPresent()) {
      root.addAppender(startupEcho(context));
    }
    return new Logging(level, infoFile.isPresent(), errorFile.isPresent());
  }

  /**
   * Warnings and errors also on stderr until the server has started, while someone watches the
   * terminal: the reason a background start fails or waits (a database it cannot reach) is then on
   * the screen and not only in the error log. Bare messages; the stack traces stay in the log.
   */
  private static OutputStreamAppender<ILoggingEvent> startupEcho(LoggerContext context) {
    Encoder<ILoggingEvent> encoder = encoder(context, "%msg%n%nopex", false);
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName(STARTUP_ECHO);
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.addFilter(atLeast(Level.WARN));
    appender.start();
    return appender;
  }

  /** Startup is over (or failed with its own line on stderr): the log files alone from now on. */
  void startupOver() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(STARTUP_ECHO);
  }

  static Level level(String logLevel) {
    return switch (logLevel.toUpperCase(Locale.ROOT)) {
      case "DEBUG" -> Level.DEBUG;
      case "WARN" -> Level.WARN;
      case "ERROR" -> Level.ERROR;
      case "NONE" -> Level.OFF;
      default -> Level.INFO;
    };
  }

  private static Optional<Path> file(String configured, Optional<Path> defaultDir, String name) {
    if (configured != null && !configured.isBlank() && !configured.equals("null")) {
      return Optional.of(Path.of(configured).toAbsolutePath());
    }
    return defaultDir.map(dir -> dir.resolve(name));
  }

  /** A log that cannot be written stops startup with its path, rather than losing every line. */
  private static void checkWritable(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (OutputStream out =
          Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        out.flush();
      }
    } catch (IOException | SecurityException e) {
      throw new ConfigException("Cannot write the log file " + file + ": " + e);
    }
  }

  private static OutputStreamAppender<ILoggingEvent> appender(
      LoggerContext context,
      Optional<Path> file,
      String console,
      boolean errors,
      boolean structured) {
    Encoder<ILoggingEvent> encoder = encoder(context, PATTERN, structured);

    OutputStreamAppender<ILoggingEvent> appender;
    if (file.isPresent()) {
      FileAppender<ILoggingEvent> fileAppender = new FileAppender<>();
      fileAppender.setFile(file.get().toString());
      fileAppender.setAppend(true);
      appender = fileAppender;
    } else {
      ConsoleAppender<ILoggingEvent> consoleAppender = new ConsoleAppender<>();
      consoleAppender.setTarget(console);
      appender = consoleAppender;
    }
    appender.setContext(context);
    appender.setName(errors ? "error" : "info");
    appender.setEncoder(encoder);
    appender.addFilter(errors ? atLeast(Level.WARN) : below(Level.WARN));
    appender.start();
    return appender;
  }

  /** Lines as {@code pattern} says, or JSON objects when {@code structured}; emails masked. */
  static Encoder<ILoggingEvent> encoder(LoggerContext context, String pattern, boolean structured) {
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(
        structured ? jsonLayout(context) : EmailMasking.patternLayout(context, pattern));
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    return encoder;
  }

  private static JsonLayout jsonLayout(LoggerContext context) {
    JsonLayout layout = new JsonLayout();
    layout.setContext(context);
    layout.start();
    return layout;
  }

  private static Filter<ILoggingEvent> atLeast(Level threshold) {
    return filter(true, threshold);
  }

  private static Filter<ILoggingEvent> below(Level threshold) {
    return filter(false, threshold);
  }

  private static Filter<ILoggingEvent> filter(boolean atLeast, Level threshold) {
    Filter<ILoggingEvent> filter =
        new Filter<>() {
          @Override
          public FilterReply decide(ILoggingEvent event) {
            return event.getLevel().isGreaterOrEqual(threshold) == atLeast
                ? FilterReply.NEUTRAL
                : FilterReply.DENY;
          }
        };
    filter.start();
    return filter;
  }

  boolean infoEnabled() {
    return Level.INFO.isGreaterOrEqual(level);
  }

  void info(String message) {
    LOG.info(message);
  }

  /**
   * A line the operator watches the console for ({@code Started SuperTokens on ...}, {@code
   * Goodbye}): printed bare on stdout, where the CLI and scripts match it by its start, and logged
   * too when the info log is a file. Only when the level includes INFO, as in the original, unless
   * {@code always} (a daemon's parent needs its Started line whatever the level).
   */
  void console(String line, boolean always) {
    if (infoEnabled() || always) {
      Console.out(line);
    }
    if (infoInFile) {
      LOG.info(line);
    }
  }

  /** A fatal error: bare on stderr, and with its stack trace in the error log. */
  void crash(String line, Throwable cause) {
    startupOver();
    Console.err(line);
    if (cause != null) {
      LOG.error(line, cause);
    } else if (errorInFile) {
      LOG.error(line);
    }
  }

  /** Flushes and closes the log files; called last on shutdown. */
  void close() {
    ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
  }
}
