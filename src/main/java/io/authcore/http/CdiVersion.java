package io.authcore.http;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Core Driver Interface versions Authcore implements. Adding one is adding a constant here;
 * endpoints whose shape changes branch with {@link #atLeast}.
 */
public enum CdiVersion {
  V5_4("5.4");

  private static final Pattern SYNTAX = Pattern.compile("[0-9]+(\\.[0-9]+)*");

  private final String wire;

  CdiVersion(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public boolean atLeast(CdiVersion other) {
    return compareTo(other) >= 0;
  }

  public static CdiVersion latest() {
    CdiVersion[] all = values();
    return all[all.length - 1];
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(CdiVersion::wire).toList();
  }

  /** The exact string as the SDK sends it; "5.4.0" is not "5.4", as in the original. */
  public static Optional<CdiVersion> exactly(String header) {
    return Arrays.stream(values()).filter(v -> v.wire.equals(header)).findFirst();
  }

  static boolean isWellFormed(String header) {
    return SYNTAX.matcher(header).matches();
  }
}
