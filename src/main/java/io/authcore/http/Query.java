package io.authcore.http;

import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A GET request's query parameters, with the original's 400 texts. */
public final class Query {
  private final Map<String, Deque<String>> params;

  Query(Map<String, Deque<String>> params) {
    this.params = params;
  }

  public Optional<String> optional(String name) {
    Deque<String> values = params.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  public String string(String name) {
    return optional(name)
        .orElseThrow(
            () -> HttpError.badRequest("Field name '" + name + "' is missing in GET request"));
  }

  public Optional<Integer> optionalInt(String name) {
    try {
      return optional(name).map(v -> Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      throw HttpError.badRequest("Field name '" + name + "' must be an int in the GET request");
    }
  }

  public Optional<Long> optionalLong(String name) {
    try {
      return optional(name).map(v -> Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      throw HttpError.badRequest("Field name '" + name + "' must be a long in the GET request");
    }
  }

  /** Comma-separated values, trimmed, empties dropped. */
  public List<String> list(String name) {
    return optional(name)
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }
}
