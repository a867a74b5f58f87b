package io.authcore.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code supertokens} command: {@code start}, {@code stop}, {@code list}, {@code uninstall},
 * {@code --help}, {@code --version}, with the original's messages and exit codes.
 */
public final class Main {
  /** A server now runs in this JVM: do not exit; its shutdown hook ends the process. */
  static final int STAY = Integer.MIN_VALUE;

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, Installation.locate());
    if (code != STAY) {
      System.exit(code);
    }
  }

  static int run(String[] args, Installation installation) {
    Map<String, Command> commands = commands(installation);
    String name = args.length == 0 ? "--help" : args[0];
    Options options =
        new Options(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
    Command command = commands.get(name);
    if (command == null) {
      Console.err(
          "Unknown command '"
              + name
              + "'. Please use \"supertokens --help\" to see the list of available commands");
      return 1;
    }
    if (options.has("--help") && !name.equals("--help")) {
      Help.printFor(command);
      return 0;
    }
    return command.run(options);
  }

  private static Map<String, Command> commands(Installation installation) {
    List<Command> listed = new ArrayList<>();
    listed.add(new Start(installation));
    listed.add(new Stop(installation));
    listed.add(new ListInstances(installation));
    listed.add(new Uninstall(installation));
    Map<String, Command> byName = new LinkedHashMap<>();
    byName.put("start", listed.get(0));
    byName.put("stop", listed.get(1));
    byName.put("list", listed.get(2));
    byName.put("uninstall", listed.get(3));
    byName.put("--help", new Help(installation, listed));
    byName.put("--version", new Version(installation));
    byName.put("install", new AlreadyInstalled());
    return byName;
  }
}
