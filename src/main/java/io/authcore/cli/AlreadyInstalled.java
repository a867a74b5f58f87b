package io.authcore.cli;

/** {@code supertokens install}: installing is the install script's job, as in the original. */
final class AlreadyInstalled implements Command {
  @Override
  public String listing() {
    return null;
  }

  @Override
  public String usage() {
    return "supertokens install";
  }

  @Override
  public String description() {
    return "Install SuperTokens. Please do not use this command. Instead, call the install script"
        + " provided to you when you download SuperTokens";
  }

  @Override
  public int run(Options options) {
    Console.out(
        "SuperTokens is already installed! Run \"supertokens --help\" to see the list of all"
            + " available commands");
    return 0;
  }
}
