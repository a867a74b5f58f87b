package io.authcore.limits;

/** An account as the log may show it: never a whole email address or phone number. */
final class Masked {
  private Masked() {}

  static String account(String key) {
    int at = key.lastIndexOf('@');
    if (at >= 0) {
      // The first letter and the domain: enough to tell a spray from one target.
      return (at > 0 ? key.substring(0, 1) : "") + "***" + key.substring(at);
    }
    if (key.startsWith("+")) {
      return "+***" + key.substring(Math.max(1, key.length() - 2));
    }
    return key.isEmpty() ? "" : key.substring(0, 1) + "***"; // no email (an SDK may send anything)
  }
}
