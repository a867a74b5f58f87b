package io.authcore.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code supertokens --help} and every command's {@code --help}, laid out as the original's. */
final class Help implements Command {
  private static final int SECOND_COLUMN = 40;
  private static final int WIDTH = 80;

  private final Installation installation;
  private final List<Command> commands;

  Help(Installation installation, List<Command> commands) {
    this.installation = installation;
    this.commands = commands;
  }

  @Override
  public String listing() {
    return null;
  }

  @Override
  public String usage() {
    return "supertokens --help";
  }

  @Override
  public String description() {
    return "Displays list of available commands along with their usage and description";
  }

  @Override
  public int run(Options options) {
    Console.out("");
    Console.out("  You are using Authcore, a drop-in replacement for SuperTokens Community");
    Console.out("");
    Console.out("  Usage: supertokens [command] [--help] [--version]");
    Console.out("");
    Console.out("");
    Console.out("  Commands:");
    Console.out("");
    for (Command command : commands) {
      if (command.listing() != null) {
        Console.out(columns("->  " + command.listing(), command.description()));
      }
    }
    Console.out("");
    Console.out("");
    Console.out("  Files:");
    Console.out("");
    String dir = installation.display();
    Console.out(columns("    Installation location", dir));
    // What start reads without --with-config, and only files that exist: a clone's target/ has
    // neither a config.yaml nor a licence.
    Console.out(
        columns(
            "    Default config file",
            installation
                .defaultConfigFile()
                .map(Path::toString)
                .orElse(
                    "none (the defaults apply); looked for "
                        + installation.configCandidates().stream()
                            .map(Path::toString)
                            .collect(Collectors.joining(" and ")))));
    Console.out(
        columns(
            "    Legal license",
            installation.license().map(Path::toString).orElse("Apache License 2.0")));
    Console.out("");
    Console.out("Thank you for checking out SuperTokens :)");
    Console.out("");
    return 0;
  }

  /** What {@code supertokens <command> --help} prints. */
  static void printFor(Command command) {
    Console.out("");
    Console.out("  Usage: " + command.usage());
    Console.out("");
    Console.out("  " + command.longDescription());
    Console.out("");
    if (!command.options().isEmpty()) {
      Console.out("  Options:");
      Console.out("");
      for (Command.Option option : command.options()) {
        Console.out(columns("    " + option.name(), option.description()));
      }
      Console.out("");
    }
  }

  /** Two columns, the second from column 40, words wrapped at 80 under the second column. */
  static String columns(String first, String second) {
    StringBuilder text = new StringBuilder(first);
    text.append(" ".repeat(Math.max(1, SECOND_COLUMN - first.length())));
    int lineLength = text.length();
    List<String> words = new ArrayList<>(List.of(second.split(" ")));
    boolean firstWord = true;
    for (String word : words) {
      if (!firstWord && lineLength + 1 + word.length() > WIDTH) {
        text.append('\n').append(" ".repeat(SECOND_COLUMN));
        lineLength = SECOND_COLUMN;
      } else if (!firstWord) {
        text.append(' ');
        lineLength++;
      }
      text.append(word);
      lineLength += word.length();
      firstWord = false;
    }
    return text.toString();
  }
}
