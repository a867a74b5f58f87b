package io.authcore.cli;

import java.util.List;

/** One {@code supertokens <command>}, with the texts its {@code --help} prints. */
interface Command {
  /** One line of a command's {@code --help} options table. */
  record Option(String name, String description) {}

  /** As listed by {@code supertokens --help}, or null for commands it does not list. */
  String listing();

  String usage();

  String description();

  default String longDescription() {
    return description();
  }

  default List<Option> options() {
    return List.of();
  }

  /** Returns the exit code, or {@link Main#STAY} when a server now owns this JVM. */
  int run(Options options);
}
