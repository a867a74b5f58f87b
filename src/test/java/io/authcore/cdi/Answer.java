package io.authcore.cdi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a server answered to one step, as a recording keeps it: status, content type, and the body
 * as JSON (with whether it ended in a newline) or as the exact text. {@code request} is the step as
 * the sequence wrote it when this answer was recorded, so a changed step shows as stale. A live
 * answer keeps its raw body in {@code text} (to show it); a recorded JSON answer has none.
 */
record Answer(
    String id,
    JsonNode request,
    String path,
    int status,
    String contentType,
    JsonNode json,
    boolean newline,
    String text) {

  static Answer of(SequenceRunner.Exchange exchange) {
    JsonNode json = exchange.json();
    String body = exchange.body();
    return new Answer(
        exchange.step().id(),
        exchange.step().definition(),
        exchange.path(),
        exchange.status(),
        exchange.contentType(),
        json,
        body.endsWith("\n"),
        body);
  }

  ObjectNode toJson() {
    ObjectNode out = Kit.MAPPER.createObjectNode();
    out.put("id", id);
    out.set("request", request);
    out.put("sent", path);
    out.put("status", status);
    out.put("contentType", contentType);
    if (json != null) {
      out.set("json", json);
      out.put("newline", newline);
    } else {
      out.put("text", text);
    }
    return out;
  }

  static Answer fromJson(JsonNode in) {
    boolean isJson = in.has("json");
    return new Answer(
        in.get("id").asText(),
        in.get("request"),
        in.path("sent").asText(),
        in.get("status").asInt(),
        in.get("contentType").isNull() ? null : in.get("contentType").asText(),
        isJson ? in.get("json") : null,
        isJson && in.get("newline").asBoolean(),
        isJson ? null : in.get("text").asText());
  }
}
