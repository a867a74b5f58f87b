package io.authcore.cdi;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version's answers from the original, in step order, with the variables its run captured (so
 * the comparison can tell "the id signup returned" from any other id).
 */
record Recording(
    String version, String recordedFrom, List<Answer> answers, Map<String, JsonNode> variables) {
  // Objects indented, arrays on one line: 1440-number statistics stay a line, not 1440.
  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter().withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);

  static Recording of(SequenceRunner.Run run, String recordedFrom, Sequence sequence) {
    List<Answer> answers = run.exchanges().stream().map(Answer::of).toList();
    return new Recording(run.version(), recordedFrom, answers, captured(run, sequence));
  }

  /** Only what the steps captured; built-ins such as the server's pid are not the original's. */
  static Map<String, JsonNode> captured(SequenceRunner.Run run, Sequence sequence) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Sequence.Step step : sequence.stepsFor(run.version())) {
      for (String name : step.capture().keySet()) {
        if (run.variables().containsKey(name)) {
          out.put(name, run.variables().get(name));
        }
      }
    }
    return out;
  }

  void write(Path file) {
    ObjectNode root = Kit.MAPPER.createObjectNode();
    root.put("version", version);
    root.put("recordedFrom", recordedFrom);
    ArrayNode steps = root.putArray("steps");
    answers.forEach(a -> steps.add(a.toJson()));
    ObjectNode vars = root.putObject("variables");
    variables.forEach(vars::set);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, Kit.MAPPER.writer(PRINTER).writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Recording read(Path file) {
    try {
      JsonNode root = Kit.MAPPER.readTree(Files.readString(file));
      List<Answer> answers = new ArrayList<>();
      root.get("steps").forEach(s -> answers.add(Answer.fromJson(s)));
      Map<String, JsonNode> variables = new LinkedHashMap<>();
      root.get("variables").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
      return new Recording(
          root.get("version").asText(), root.get("recordedFrom").asText(), answers, variables);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
