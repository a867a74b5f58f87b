package io.authcore.recipe.users;

import java.util.Locale;

/** Email addresses as the original compares and stores them. */
public final class Emails {
  private Emails() {}

  /** Trimmed and lower-cased; no syntax check, as in the original. */
  public static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
