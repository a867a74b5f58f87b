package io.authcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class BootstrapLoggingTest {
  @Test
  void infoToStdoutWithTheLibrariesAtWarnAndNoOtherConfiguratorAfterIt() {
    LoggerContext context = new LoggerContext();
    BootstrapLogging configurator = new BootstrapLogging();
    configurator.setContext(context);

    assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configurator.configure(context));

    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertEquals(Level.INFO, root.getLevel());
    assertNotNull(root.getAppender("STDOUT"));
    for (String library : Logging.LIBRARIES) {
      assertEquals(Level.WARN, context.getLogger(library).getLevel(), library);
    }
  }

  @Test
  void logbackFindsIt() {
    // The running context was set up by it: its console appender is on the root logger.
    LoggerContext running = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    assertEquals(
        Level.WARN, running.getLogger("org.flywaydb").getEffectiveLevel(), "libraries at WARN");
  }
}
