package io.authcore.cli;

import io.authcore.threads.Daemons;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code supertokens start}: in the foreground it serves from this JVM; as a daemon (the default)
 * it starts a child JVM, echoes its output until the child's Started line, and leaves it running.
 */
final class Start implements Command {
  private static final String UNABLE = "Unable to start SuperTokens. Please try again";

  private final Installation installation;

  Start(Installation installation) {
    this.installation = installation;
  }

  @Override
  public String listing() {
    return "start [options]";
  }

  @Override
  public String usage() {
    return "supertokens start [--with-space=<amount in mb>] [--with-config=<config file path>]"
        + " [--port=<value>] [--host=<value>] [--foreground]";
  }

  @Override
  public String description() {
    return "Start an instance of SuperTokens";
  }

  @Override
  public String longDescription() {
    return "Start an instance of SuperTokens. By default the process will be started as a daemon";
  }

  @Override
  public List<Option> options() {
    return List.of(
        new Option(
            "--with-space",
            "Sets the amount of space, in MB, to allocate to the JVM. Example to allocate 200MB:"
                + " \"--with-space=200\""),
        new Option(
            "--with-config",
            "Specify the location of the config file to load. Can be either relative or"
                + " absolute. Example: \"--with-config=/usr/config.yaml\""),
        new Option(
            "--port",
            "Sets the port on which this instance of SuperTokens should run. Example:"
                + " \"--port=8080\""),
        new Option(
            "--host",
            "Sets the host on which this instance of SuperTokens should run. Example:"
                + " \"--host=192.168.0.1\""),
        new Option(
            "--foreground",
            "Runs this instance of SuperTokens in the foreground (not as a daemon)"),
        new Option(
            "--with-temp-dir", "Uses the passed dir as temp dir, instead of the internal default."),
        new Option(
            "--no-in-mem-db",
            "Fails to start unless a PostgreSQL database is configured, instead of falling back"
                + " to an in-memory one."),
        new Option("--javaagent", "Enables the OpenTelemetry Javaagent for tracing and metrics."),
        new Option("--jmx", "Enables JMX management and monitoring."),
        new Option("--jmx-port", "Sets the port for JMX. Defaults to 9010 if --jmx is passed."),
        new Option(
            "--jmx-authenticate",
            "Sets whether JMX authentication is enabled or not. Defaults to false if --jmx is"
                + " passed."),
        new Option(
            "--jmx-ssl",
            "Sets whether JMX SSL is enabled or not. Defaults to false if --jmx is passed."));
  }

  @Override
  public int run(Options options) {
    StartSettings settings;
    try {
      settings = StartSettings.from(options);
    } catch (IllegalArgumentException e) {
      Console.err(e.getMessage());
      return 1;
    }
    if (settings.javaAgent() && !JavaCommand.agentInstalled(installation)) {
      Console.err("The OpenTelemetry agent is missing: " + JavaCommand.agent(installation));
      return 1;
    }
    boolean daemonChild = Boolean.getBoolean(JavaCommand.DAEMON_PROPERTY);
    if (settings.foreground() && !settings.needsOwnJvm() && !JavaCommand.javaOptsMissing()) {
      return Server.run(settings, installation, daemonChild);
    }
    try {
      return settings.foreground() ? foregroundChild(settings) : daemon(settings);
    } catch (IOException e) {
      Console.err(UNABLE + ": " + e.getMessage());
      return 1;
    }
  }

  private int daemon(StartSettings settings) throws IOException {
    List<String> command = JavaCommand.of(installation, settings, true);
    Console.out("Command to be run: " + String.join(" ", command));
    Process child = JavaCommand.builder(command).start();
    Thread errors = pump(child.getErrorStream());
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        Console.out(line);
        if (line.startsWith(Server.STARTED_PREFIX)) {
          return 0;
        }
      }
    }
    // The child ended (or closed its output) without starting: let its last words through.
    try {
      child.waitFor(10, TimeUnit.SECONDS);
      errors.join(TimeUnit.SECONDS.toMillis(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Console.err(UNABLE);
    return 1;
  }

  /** Copies the child's stderr to ours, line by line, until either side goes away. */
  private static Thread pump(InputStream stream) {
    return Daemons.start(
        "authcore-child-stderr",
        () -> {
          try (BufferedReader reader =
              new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
              System.err.println(line);
            }
          } catch (IOException e) {
            // the child is gone
          }
        });
  }

  /**
   * JVM flags (--with-space, --jmx, --javaagent, JAVA_OPTS this JVM lacks) need a new JVM even in
   * the foreground: it shares our terminal, and a signal to us is passed on to it.
   */
  private int foregroundChild(StartSettings settings) throws IOException {
    Process child =
        JavaCommand.builder(JavaCommand.of(installation, settings, false)).inheritIO().start();
    Thread forward =
        new Thread(
            () -> {
              child.destroy();
              try {
                child.waitFor(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "authcore-forward-signal");
    Runtime.getRuntime().addShutdownHook(forward);
    int code;
    try {
      code = child.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(forward);
    } catch (IllegalStateException e) {
      return Main.STAY; // we are being stopped ourselves; the hook is seeing the child out
    }
    // 130 and 143: the child was interrupted or terminated, a normal way for a server to end.
    if (code != 0 && code != 130 && code != 143) {
      Console.err(UNABLE);
      return 1;
    }
    return 0;
  }
}
