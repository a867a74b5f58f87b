package io.authcore.cdi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scripted requests of {@code compat/cdi/sequence.json}: the CDI versions to run them at, and
 * the steps, each for a range of versions. Two steps may share an id when their ranges do not
 * overlap (the same call as SDKs of different versions send it).
 */
record Sequence(List<String> versions, Set<String> volatileFields, List<Step> steps) {

  /** One request, as written in the sequence (before its {@code ${variables}} are filled in). */
  record Step(
      String id,
      String versions,
      String method,
      String path,
      Map<String, String> headers,
      JsonNode body,
      String rawBody,
      Map<String, String> capture,
      List<String> volatilePointers,
      List<String> unorderedPointers,
      JsonNode definition) {

    boolean appliesTo(String version) {
      return CdiVersions.matches(versions, version);
    }

    /** The area a step belongs to: its id up to the first dot. */
    String area() {
      int dot = id.indexOf('.');
      return dot < 0 ? id : id.substring(0, dot);
    }
  }

  static Sequence load(Path file) {
    JsonNode root;
    try {
      root = Kit.MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> versions = new ArrayList<>();
    root.path("versions").forEach(v -> versions.add(v.asText()));
    Set<String> volatileFields = new TreeSet<>();
    root.path("volatileFields").forEach(v -> volatileFields.add(v.asText()));
    List<Step> steps = new ArrayList<>();
    for (JsonNode s : root.path("steps")) {
      steps.add(step(s));
    }
    Sequence sequence = new Sequence(List.copyOf(versions), volatileFields, List.copyOf(steps));
    sequence.checkIdsAreUniquePerVersion();
    return sequence;
  }

  List<Step> stepsFor(String version) {
    return steps.stream().filter(s -> s.appliesTo(version)).toList();
  }

  /** Step ids in sequence order, each once (alternatives for other versions share a place). */
  List<String> stepIds() {
    return steps.stream().map(Step::id).distinct().toList();
  }

  private void checkIdsAreUniquePerVersion() {
    for (String version : versions) {
      Map<String, Step> seen = new HashMap<>();
      for (Step step : stepsFor(version)) {
        if (seen.put(step.id(), step) != null) {
          throw new IllegalStateException(
              "sequence.json: two steps '" + step.id() + "' apply to CDI " + version);
        }
      }
    }
  }

  private static Step step(JsonNode s) {
    String id = required(s, "id");
    Map<String, String> headers = new LinkedHashMap<>();
    s.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), textOrNull(e)));
    Map<String, String> capture = new LinkedHashMap<>();
    s.path("capture")
        .fields()
        .forEachRemaining(e -> capture.put(e.getKey(), e.getValue().asText()));
    List<String> volatilePointers = new ArrayList<>();
    s.path("volatile").forEach(p -> volatilePointers.add(p.asText()));
    List<String> unorderedPointers = new ArrayList<>();
    s.path("unordered").forEach(p -> unorderedPointers.add(p.asText()));
    JsonNode definition = s.deepCopy();
    ((ObjectNode) definition).remove(List.of("note"));
    return new Step(
        id,
        s.path("versions").asText(""),
        required(s, "method"),
        required(s, "path"),
        headers,
        s.has("body") ? s.get("body") : null,
        s.has("rawBody") ? s.get("rawBody").asText() : null,
        capture,
        volatilePointers,
        unorderedPointers,
        definition);
  }

  private static String textOrNull(Map.Entry<String, JsonNode> e) {
    return e.getValue().isNull() ? null : e.getValue().asText();
  }

  private static String required(JsonNode s, String field) {
    if (!s.path(field).isTextual()) {
      throw new IllegalStateException("sequence.json: a step without '" + field + "': " + s);
    }
    return s.get(field).asText();
  }
}
