package io.authcore.recipe.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The access-token formats, oldest first. Versions 1 and 2 are the legacy format (user data nested
 * under {@code userData}); 3 is the first JWT, 4 adds the tenant ({@code tId}), 5 the recipe user
 * ({@code rsub}). A session's tokens are minted in the version its client asked for, and re-minted
 * in the version of the token they replace.
 */
public enum TokenVersion {
  V1("1", List.of("userId", "expiryTime", "timeCreated", "sessionHandle", "refreshTokenHash1")),
  V2("2", V1.claims),
  V3(
      "3",
      List.of(
          "sub",
          "exp",
          "iat",
          "sessionHandle",
          "refreshTokenHash1",
          "parentRefreshTokenHash1",
          "antiCsrfToken")),
  V4("4", with(V3.claims, "tId")),
  V5("5", with(V4.claims, "rsub"));

  private final String header;
  private final List<String> claims;

  TokenVersion(String header, List<String> claims) {
    this.header = header;
    this.claims = claims;
  }

  /** The {@code version} the token's header carries. */
  String header() {
    return header;
  }

  /** The claims every token of this version has, which the user payload may not use. */
  List<String> claims() {
    return claims;
  }

  boolean legacy() {
    return this == V1 || this == V2;
  }

  /** True when the payload uses one of this version's claim names. */
  public boolean reserves(ObjectNode userData) {
    for (Iterator<String> names = userData.fieldNames(); names.hasNext(); ) {
      if (claims.contains(names.next())) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when minting a token of this version with this payload fails: the payload shares the
   * token's top level from version 3, while a legacy token nests it.
   */
  public boolean collides(ObjectNode userData) {
    return !legacy() && reserves(userData);
  }

  static TokenVersion ofHeader(String header) {
    for (TokenVersion v : values()) {
      if (v.header.equals(header)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown access token version " + header);
  }

  private static List<String> with(List<String> claims, String more) {
    List<String> all = new ArrayList<>(claims);
    all.add(more);
    return List.copyOf(all);
  }
}
