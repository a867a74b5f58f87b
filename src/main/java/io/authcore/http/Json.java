package io.authcore.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper, and helpers for building responses in the original's field order. */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@code {"status":"OK"}}, to which an endpoint appends its fields. */
  public static ObjectNode ok() {
    return object().put("status", "OK");
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a response", e);
    }
  }
}
