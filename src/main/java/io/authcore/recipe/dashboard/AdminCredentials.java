package io.authcore.recipe.dashboard;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the original accepts as a dashboard admin's email and password. The email pattern is the
 * original's own, unescaped dots and all (so {@code x@localhost} passes and {@code x@1.2.3.4} does
 * not): an admin the original accepts must be accepted here and the other way round.
 */
public final class AdminCredentials {
  private static final Pattern EMAIL =
      Pattern.compile(
          "((^<>()[].,;:@]+(.^<>()[].,;:@]+)*)|(.+))@(([[0-9]{1,3}.[0-9]{1,3}.[0-9]{1,3}"
              + ".[0-9]{1,3}])|(([a-zA-Z-0-9]+.)+[a-zA-Z]{2,}))$");
  // "." stops at line breaks, so a letter or digit only after one does not count: as the original.
  private static final Pattern LETTER = Pattern.compile("(.*[A-Za-z]+.*)");
  private static final Pattern DIGIT = Pattern.compile("(.*[0-9]+.*)");

  private AdminCredentials() {}

  public static boolean isValidEmail(String email) {
    return EMAIL.matcher(email).matches();
  }

  /** Why the password is too weak, in the original's words; empty when it is strong enough. */
  public static Optional<String> weakness(String password) {
    if (password.length() < 8) {
      return Optional.of("Password must contain at least 8 characters, including a number");
    }
    if (password.length() >= 100) {
      return Optional.of("Password's length must be lesser than 100 characters");
    }
    if (!LETTER.matcher(password).matches()) {
      return Optional.of("Password must contain at least one alphabet");
    }
    if (!DIGIT.matcher(password).matches()) {
      return Optional.of("Password must contain at least one number");
    }
    return Optional.empty();
  }
}
