package io.authcore.recipe.users;

import io.authcore.storage.UserListStore.Entry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The original's {@code /users} pagination token: standard base64 of {@code
 * "<supertokensUserId>;<timeJoined>"} naming the first group of the next page.
 */
public final class PaginationToken {
  private PaginationToken() {}

  public static String of(Entry first) {
    return Base64.getEncoder()
        .encodeToString(
            (first.primaryUserId() + ";" + first.timeJoined()).getBytes(StandardCharsets.UTF_8));
  }

  /** The group a token names, or empty when the token is malformed. */
  public static Optional<Entry> parse(String token) {
    try {
      String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = decoded.split(";");
      if (parts.length != 2) {
        return Optional.empty();
      }
      return Optional.of(new Entry(parts[0], Long.parseLong(parts[1])));
    } catch (IllegalArgumentException e) {
      // Not base64, or not a number (NumberFormatException is one too).
      return Optional.empty();
    }
  }
}
