package io.authcore.recipe.users;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/** Phone numbers as the original compares and stores them. */
public final class PhoneNumbers {
  /** No default region: only numbers with a leading {@code +} and country code parse. */
  private static final String UNKNOWN_REGION = "ZZ";

  private PhoneNumbers() {}

  /**
   * E.164 when libphonenumber can parse the trimmed text without a region, else the trimmed text
   * itself (the original stores what it cannot parse as typed); null stays null.
   */
  public static String normalise(String phoneNumber) {
    if (phoneNumber == null) {
      return null;
    }
    String trimmed = phoneNumber.trim();
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      return util.format(util.parse(trimmed, UNKNOWN_REGION), PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      return trimmed;
    }
  }
}
