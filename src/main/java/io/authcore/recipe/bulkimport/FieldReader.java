package io.authcore.recipe.bulkimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Reads one field of a bulk-imported user as the original's {@code JsonValidatorUtils} does, adding
 * its error texts instead of throwing: a missing required field is "{@code <key> is
 * required<suffix>}", a field of the wrong type (a blank string counts as one) "{@code <key> should
 * be of type <type><suffix>}". An absent optional field, or a wrong one, reads as null.
 */
final class FieldReader {
  private final ObjectNode json;
  private final List<String> errors;
  private final String suffix;

  FieldReader(ObjectNode json, List<String> errors, String suffix) {
    this.json = json;
    this.errors = errors;
    this.suffix = suffix;
  }

  String string(String key, boolean required) {
    JsonNode v = present(key, required);
    if (v == null) {
      return null;
    }
    return isString(v) ? v.textValue() : wrongType(key, "string");
  }

  Integer integer(String key) {
    JsonNode v = present(key, false);
    if (v == null) {
      return null;
    }
    return v.isNumber() ? v.numberValue().intValue() : wrongType(key, "integer");
  }

  /** The original calls a long an integer in its texts, "because it is user facing". */
  Long longValue(String key) {
    JsonNode v = present(key, false);
    if (v == null) {
      return null;
    }
    return v.isNumber() ? v.numberValue().longValue() : wrongType(key, "integer");
  }

  Boolean bool(String key) {
    JsonNode v = present(key, false);
    if (v == null) {
      return null;
    }
    return v.isBoolean() ? v.booleanValue() : wrongType(key, "boolean");
  }

  ObjectNode object(String key) {
    JsonNode v = present(key, false);
    if (v == null) {
      return null;
    }
    return v.isObject() ? (ObjectNode) v : wrongType(key, "object");
  }

  ArrayNode objects(String key, boolean required) {
    return array(key, required, "array of object", JsonNode::isObject);
  }

  ArrayNode strings(String key, boolean required) {
    return array(key, required, "array of string", FieldReader::isString);
  }

  private ArrayNode array(
      String key, boolean required, String type, java.util.function.Predicate<JsonNode> item) {
    JsonNode v = present(key, required);
    if (v == null) {
      return null;
    }
    if (v.isArray()) {
      boolean all = true;
      for (JsonNode element : v) {
        all &= item.test(element);
      }
      if (all) {
        return (ArrayNode) v;
      }
    }
    return wrongType(key, type);
  }

  /** Whether the field is there and a boolean, without a word about it otherwise. */
  static boolean isTrue(ObjectNode json, String key) {
    JsonNode v = json.get(key);
    return v != null && v.isBoolean() && v.booleanValue();
  }

  private JsonNode present(String key, boolean required) {
    JsonNode v = json.get(key);
    if (v == null && required) {
      errors.add(key + " is required" + suffix);
    }
    return v;
  }

  private <T> T wrongType(String key, String type) {
    errors.add(key + " should be of type " + type + suffix);
    return null;
  }

  private static boolean isString(JsonNode v) {
    return v.isTextual() && !v.textValue().isBlank();
  }
}
