package io.authcore.cli;

import io.authcore.http.CdiVersion;

/** {@code supertokens --version}: what runs, on which Java, installed where. */
final class Version implements Command {
  private final Installation installation;

  Version(Installation installation) {
    this.installation = installation;
  }

  @Override
  public String listing() {
    return null;
  }

  @Override
  public String usage() {
    return "supertokens --version";
  }

  @Override
  public String description() {
    return "Display the current version of the core and the interfaces it implements";
  }

  @Override
  public int run(Options options) {
    Console.out("You are using Authcore, a drop-in replacement for SuperTokens Community");
    Console.out("Authcore version: " + version());
    Console.out("Core Driver Interface versions: " + String.join(", ", CdiVersion.wireNames()));
    Console.out("Database Plugin name: postgresql");
    Console.out("Java version: OpenJDK " + System.getProperty("java.version"));
    Console.out("Installation directory: " + installation.dir());
    return 0;
  }

  /** From the jar's manifest; compiled classes have none. */
  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version != null ? version : "development build";
  }
}
