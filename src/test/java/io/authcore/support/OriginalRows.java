package io.authcore.support;

import java.util.Map;

/** Rows written straight into PostgreSQL as the original core writes them, for tests to read. */
public final class OriginalRows {
  private OriginalRows() {}

  /**
   * A primary email-password user {@code ep} (a@b.c, joined at 100) linked with a third-party user
   * {@code tp} (google g-1, x@y.z, joined at 200), both in the public tenant of the public app.
   */
  public static void linkedEmailPasswordAndThirdParty(
      Map<String, String> db, String ep, String tp) {
    TestDatabases.execute(
        db,
        "INSERT INTO app_id_to_user_id VALUES ('public', '"
            + ep
            + "', 'emailpassword', '"
            + ep
            + "', true)",
        "INSERT INTO app_id_to_user_id VALUES ('public', '"
            + tp
            + "', 'thirdparty', '"
            + ep
            + "', true)",
        "INSERT INTO all_auth_recipe_users VALUES ('public', 'public', '"
            + ep
            + "', '"
            + ep
            + "', true, 'emailpassword', 100, 100)",
        "INSERT INTO all_auth_recipe_users VALUES ('public', 'public', '"
            + tp
            + "', '"
            + ep
            + "', true, 'thirdparty', 200, 100)",
        "INSERT INTO emailpassword_users VALUES ('public', '" + ep + "', 'a@b.c', '$2a$04$x', 100)",
        "INSERT INTO emailpassword_user_to_tenant VALUES ('public', 'public', '"
            + ep
            + "', 'a@b.c')",
        "INSERT INTO thirdparty_users VALUES ('public', 'google', 'g-1', '"
            + tp
            + "', 'x@y.z', 200)",
        "INSERT INTO thirdparty_user_to_tenant VALUES ('public', 'public', '"
            + tp
            + "', 'google', 'g-1')");
  }

  /**
   * A passwordless device for {@code email} in the public tenant of the public app with one code,
   * as the original stores them: only the device id hash, the link-code salt and the link code
   * hash. PostgreSQL pads the 43-character device id hash of its {@code character(44)} column.
   */
  public static void passwordlessDevice(
      Map<String, String> db,
      String deviceIdHash,
      String email,
      String linkCodeSalt,
      String codeId,
      String linkCodeHash,
      long createdAt) {
    TestDatabases.execute(
        db,
        "INSERT INTO passwordless_devices VALUES ('public', 'public', '"
            + deviceIdHash
            + "', '"
            + email
            + "', NULL, '"
            + linkCodeSalt
            + "', 0)",
        "INSERT INTO passwordless_codes VALUES ('public', 'public', '"
            + codeId
            + "', '"
            + deviceIdHash
            + "', '"
            + linkCodeHash
            + "', "
            + createdAt
            + ")");
  }
}
