package io.authcore.recipe.bulkimport;

import io.authcore.recipe.users.Emails;
import java.util.List;

/** The original's length checks and normalisation of the values of a user to import. */
final class Normalise {
  private Normalise() {}

  /** Trimmed and lower-cased; the original refuses more than 255 characters (and says 256). */
  static String email(String email, List<String> errors) {
    if (email == null) {
      return null;
    }
    if (email.length() > 255) {
      errors.add("email " + email + " is too long. Max length is 256.");
    }
    return Emails.normalise(email);
  }

  /** Adds "{@code <what> <value> is too long. Max length is <max>.}" for a longer value. */
  static String atMost(String what, String value, int max, List<String> errors) {
    if (value != null && value.length() > max) {
      errors.add(what + " " + value + " is too long. Max length is " + max + ".");
    }
    return value;
  }
}
