package io.authcore.cli;

import io.authcore.Authcore;
import io.authcore.config.ConfigException;
import io.authcore.config.ConfigLoader;
import io.authcore.config.CoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The {@code supertokens} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Map<String, String> options = new HashMap<>();
    boolean testMode = false;
    for (String arg : args) {
      if (arg.startsWith("--") && arg.contains("=")) {
        options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      } else if (arg.equals("test_mode")) {
        testMode = true;
      }
    }
    Map<String, String> overrides = new HashMap<>();
    if (options.containsKey("host")) {
      overrides.put("host", options.get("host"));
    }
    if (options.containsKey("port")) {
      overrides.put("port", options.get("port"));
    }
    Path configFile =
        options.containsKey("config") ? Path.of(options.get("config")) : defaultConfigFile();
    try {
      CoreConfig config = ConfigLoader.load(configFile, System.getenv(), overrides, testMode);
      Authcore core = Authcore.start(config);
      Runtime.getRuntime().addShutdownHook(new Thread(core::close));
      System.out.println(
          "Started SuperTokens on "
              + config.host()
              + ":"
              + core.port()
              + " with PID: "
              + ProcessHandle.current().pid());
    } catch (ConfigException e) {
      System.err.println("What caused the crash: " + e.getMessage());
      System.exit(1);
    }
  }

  private static Path defaultConfigFile() {
    Path local = Path.of("config.yaml");
    return Files.isRegularFile(local) ? local : null;
  }
}
