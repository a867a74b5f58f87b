package io.authcore.http;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Core Driver Interface versions Authcore implements, oldest first, as the original lists them.
 * Adding one is adding a constant here; endpoints whose request rules or answers change branch on
 * it with {@link #atLeast} / {@link #below} in their API class, never in a service.
 */
public enum CdiVersion {
  V2_7("2.7"),
  V2_8("2.8"),
  V2_9("2.9"),
  V2_10("2.10"),
  V2_11("2.11"),
  V2_12("2.12"),
  V2_13("2.13"),
  V2_14("2.14"),
  V2_15("2.15"),
  V2_16("2.16"),
  V2_17("2.17"),
  V2_18("2.18"),
  V2_19("2.19"),
  V2_20("2.20"),
  V2_21("2.21"),
  V3_0("3.0"),
  V3_1("3.1"),
  V4_0("4.0"),
  V5_0("5.0"),
  V5_1("5.1"),
  V5_2("5.2"),
  V5_3("5.3"),
  V5_4("5.4"),
  V5_5("5.5"),
  V5_6("5.6");

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

  public boolean below(CdiVersion other) {
    return compareTo(other) < 0;
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
