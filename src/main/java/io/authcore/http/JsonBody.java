package io.authcore.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request's JSON object, read with the original's rules and 400 texts: required fields must have
 * the right JSON type, optional fields must be absent rather than null, numbers may be strings.
 */
public final class JsonBody {
  // Strict about what follows the object ("{...} xx", "{...}{...}"), as the original's parser.
  private static final ObjectReader READER =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final ObjectNode node;

  private JsonBody(ObjectNode node) {
    this.node = node;
  }

  public static JsonBody parse(byte[] bytes) {
    try {
      JsonNode parsed = bytes.length == 0 ? null : READER.readTree(bytes);
      if (parsed instanceof ObjectNode object) {
        return new JsonBody(object);
      }
    } catch (IOException e) {
      // falls through to the original's message
    }
    throw HttpError.badRequest("Invalid Json Input");
  }

  public static JsonBody of(ObjectNode node) {
    return new JsonBody(node);
  }

  public ObjectNode node() {
    return node;
  }

  public boolean has(String field) {
    return node.has(field);
  }

  static HttpError invalid(String field) {
    return HttpError.badRequest("Field name '" + field + "' is invalid in JSON input");
  }

  public String string(String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw invalid(field);
    }
    return value.textValue();
  }

  public Optional<String> optionalString(String field) {
    return node.has(field) ? Optional.of(string(field)) : Optional.empty();
  }

  /**
   * A string as Gson's {@code getAsString} reads it, which the original's {@code
   * parseStringOrThrowError} uses: a one-element array (also nested) is its element. Where an
   * endpoint's answers are pinned to the original's that closely (the dashboard's).
   */
  public String gsonString(String field) {
    JsonNode value = node.get(field);
    if (value != null) {
      value = gsonElement(value);
    }
    if (value == null || !value.isTextual()) {
      throw invalid(field);
    }
    return value.textValue();
  }

  public Optional<String> optionalGsonString(String field) {
    return node.has(field) ? Optional.of(gsonString(field)) : Optional.empty();
  }

  /** The few fields where the original accepts an explicit JSON null (e.g. externalUserIdInfo). */
  public Optional<String> stringOrNull(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(string(field));
  }

  public boolean bool(String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isBoolean()) {
      throw invalid(field);
    }
    return value.booleanValue();
  }

  public Optional<Boolean> optionalBool(String field) {
    return node.has(field) ? Optional.of(bool(field)) : Optional.empty();
  }

  /**
   * A boolean read as the original's {@code parseBooleanOrThrowError} reads it with Gson, where the
   * v1 multitenancy switches accept it: a number is false, a one-element array is its element; a
   * string, null, an object or another array is refused.
   */
  public Optional<Boolean> optionalGsonBool(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value.toString().contains("\"")) {
      throw invalid(field);
    }
    value = gsonElement(value);
    if (value.isBoolean()) {
      return Optional.of(value.booleanValue());
    }
    if (value.isNumber()) {
      return Optional.of(false);
    }
    throw invalid(field);
  }

  public long longValue(String field) {
    JsonNode value = node.get(field);
    if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value != null && value.isTextual()) {
      try {
        return Long.parseLong(value.textValue().trim());
      } catch (NumberFormatException e) {
        throw invalid(field);
      }
    }
    throw invalid(field);
  }

  /**
   * An int as Gson's {@code getAsInt} reads it, which the original's {@code parseIntOrThrowError}
   * uses: a decimal is truncated, a number beyond the int range keeps its low 32 bits, a numeric
   * string is parsed; anything else is invalid.
   */
  public int gsonInt(String field) {
    JsonNode value = node.get(field);
    if (value != null && value.isIntegralNumber()) {
      return value.bigIntegerValue().intValue();
    }
    if (value != null && value.isNumber()) {
      return value.decimalValue().intValue();
    }
    if (value != null && value.isTextual()) {
      try {
        return Integer.parseInt(value.textValue());
      } catch (NumberFormatException e) {
        throw invalid(field);
      }
    }
    throw invalid(field);
  }

  /**
   * An optional long as the original's {@code parseLongOrThrowError} reads it with Gson: absent is
   * empty; anything {@link #gsonLong(JsonNode)} refuses (JSON null included) is invalid.
   */
  public Optional<Long> optionalGsonLong(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(gsonLong(value));
    } catch (RuntimeException e) {
      throw invalid(field);
    }
  }

  /**
   * A value read as Gson's {@code getAsLong}: an integer keeps its low 64 bits, a decimal is
   * truncated, a string (or a boolean's text) goes through {@code Long.parseLong} untrimmed, a
   * one-element array is its element. The exceptions are Gson's, with its messages, which the
   * original sometimes hands back as a reason.
   *
   * @throws NumberFormatException for text that is no long
   * @throws IllegalStateException for an array of another size than one
   * @throws UnsupportedOperationException for an object or null
   */
  /** What Gson reads a value as: a one-element array, also nested, is its element. */
  private static JsonNode gsonElement(JsonNode value) {
    while (value.isArray() && value.size() == 1) {
      value = value.get(0);
    }
    return value;
  }

  public static long gsonLong(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().longValue();
    }
    if (value.isNumber()) {
      return value.decimalValue().longValue();
    }
    if (value.isTextual() || value.isBoolean()) {
      return Long.parseLong(value.asText());
    }
    if (value.isArray()) {
      if (value.size() != 1) {
        throw new IllegalStateException("Array must have size 1, but has size " + value.size());
      }
      return gsonLong(value.get(0));
    }
    throw new UnsupportedOperationException(value.isNull() ? "JsonNull" : "JsonObject");
  }

  public Optional<Long> optionalLong(String field) {
    return node.has(field) ? Optional.of(longValue(field)) : Optional.empty();
  }

  public ObjectNode object(String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isObject()) {
      throw invalid(field);
    }
    return (ObjectNode) value;
  }

  public Optional<ObjectNode> optionalObject(String field) {
    return node.has(field) ? Optional.of(object(field)) : Optional.empty();
  }

  public List<String> stringArray(String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isArray()) {
      throw invalid(field);
    }
    List<String> result = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw invalid(field);
      }
      result.add(item.textValue());
    }
    return result;
  }

  public Optional<List<String>> optionalStringArray(String field) {
    return node.has(field) ? Optional.of(stringArray(field)) : Optional.empty();
  }
}
