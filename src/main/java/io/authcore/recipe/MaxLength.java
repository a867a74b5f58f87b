package io.authcore.recipe;

import io.authcore.http.HttpError;
import java.util.List;

/**
 * The widths of the string columns that request values are written to, from the original's schema.
 * A write checks its values here, at the edge, so that an over-long one is a 400 that names the
 * field rather than the database's "value too long" as a 500. Lookups need no check: a value that
 * cannot be stored is simply not found.
 *
 * <p>Lengths count code points, as PostgreSQL counts the characters of a {@code VARCHAR(n)}. (H2
 * counts UTF-16 units, so on the in-memory database a value made of characters outside the Basic
 * Multilingual Plane, such as emoji, can still exceed a column that PostgreSQL would accept it in.)
 */
public enum MaxLength {
  /**
   * {@code user_id} of session_info, user_metadata, user_roles, the email-verification and TOTP
   * tables, and {@code external_user_id} of userid_mapping.
   */
  USER_ID(128),
  /** {@code email} of the email-password, email-verification and password-reset tables. */
  EMAIL(256),
  /** {@code password_hash} of emailpassword_users. */
  PASSWORD_HASH(256),
  /** {@code role} and {@code permission} of roles, role_permissions and user_roles. */
  ROLE(255),
  /** {@code app_id} and {@code tenant_id} of every table. */
  TENANT_ID(64),
  /** {@code connection_uri_domain} of the tenant tables. */
  CONNECTION_URI_DOMAIN(256),
  /** {@code factor_id} of tenant_first_factors and tenant_required_secondary_factors. */
  FACTOR_ID(128),
  /** {@code third_party_id} of the third-party provider and user tables. */
  THIRD_PARTY_ID(28),
  /** {@code third_party_user_id} of thirdparty_users. */
  THIRD_PARTY_USER_ID(256),
  /**
   * {@code name}, {@code client_type} and the {@code user_info_map_*} fields of a tenant's
   * third-party provider.
   */
  PROVIDER_FIELD(64),
  /** {@code device_name} and {@code secret_key} of totp_user_devices. */
  TOTP_DEVICE_FIELD(256),
  /** {@code client_id} of a provider's client. */
  CLIENT_ID(256),
  /** Each element of a provider client's {@code scope} ({@code VARCHAR(128)[]}). */
  SCOPE(128),
  /** {@code rp_id}, {@code rp_name} and {@code origin} of webauthn_generated_options. */
  RELYING_PARTY_FIELD(256);

  private final int characters;

  MaxLength(int characters) {
    this.characters = characters;
  }

  public int characters() {
    return characters;
  }

  /** True when {@code value} (null counts as empty) fits the column. */
  public boolean fits(String value) {
    return value == null
        || value.length() <= characters
        || value.codePointCount(0, value.length()) <= characters;
  }

  /** {@code value} as given, or a 400 that names the JSON field it came in. */
  public String check(String field, String value) {
    if (!fits(value)) {
      throw HttpError.badRequest(
          "Field name '" + field + "' cannot be longer than " + characters + " characters");
    }
    return value;
  }

  /** {@code values} as given, or a 400 that names the JSON array they came in. */
  public List<String> checkEach(String field, List<String> values) {
    for (String value : values) {
      if (!fits(value)) {
        throw HttpError.badRequest(
            "Field name '"
                + field
                + "' cannot contain a string longer than "
                + characters
                + " characters");
      }
    }
    return values;
  }
}
