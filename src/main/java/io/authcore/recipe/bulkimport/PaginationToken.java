package io.authcore.recipe.bulkimport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of the queue starts, as the original encodes it: base64 of {@code
 * <id>;<createdAt>} of the first user of that page.
 */
record PaginationToken(String id, long createdAt) {
  String encode() {
    return Base64.getEncoder()
        .encodeToString((id + ";" + createdAt).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws IllegalArgumentException for a token the original would not read
   */
  static PaginationToken decode(String token) {
    try {
      String[] parts =
          new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).split(";");
      if (parts.length != 2) {
        throw new IllegalArgumentException("not a pagination token");
      }
      return new PaginationToken(parts[0], Long.parseLong(parts[1]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a pagination token", e);
    }
  }
}
