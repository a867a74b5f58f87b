package io.authcore.cli;

/**
 * What the CLI tells its user: plain lines on stdout, errors on stderr (red on a terminal, as the
 * original prints them, but plain when piped so scripts and log collectors see clean text).
 */
final class Console {
  private static final String RED = "\u001B[31m";
  private static final String RESET = "\u001B[0m";

  private Console() {}

  static void out(String line) {
    System.out.println(line);
    System.out.flush();
  }

  static void err(String line) {
    System.err.println(System.console() != null ? RED + line + RESET : line);
    System.err.flush();
  }
}
