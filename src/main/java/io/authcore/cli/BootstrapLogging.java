package io.authcore.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logback's set-up until {@link Logging} replaces it with the configured one (and the whole set-up
 * wherever nothing replaces it, as in the tests): INFO to stdout, the libraries at WARN. Found by
 * logback through {@code META-INF/services}, in place of a logback.xml: parsing XML at start-up
 * loaded some 570 classes (logback's configuration model and the JDK's XML parser), a tenth of all
 * the server loads before its first answer. {@code USE_STRUCTURED_LOGGING=true} makes its lines
 * JSON from the first one.
 */
public final class BootstrapLogging extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    Encoder<ILoggingEvent> encoder =
        Logging.encoder(
            context,
            "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0} - %msg%n",
            JsonLayout.requested(System.getenv()));
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("STDOUT");
    console.setEncoder(encoder);
    console.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    Logging.LIBRARIES.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
