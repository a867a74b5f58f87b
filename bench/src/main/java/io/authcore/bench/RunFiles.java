package io.authcore.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A run's name ({@code <stamp>-<label>}), its result files ({@code bench/results/<name>.md} and
 * {@code .json}) and its directory of raw logs ({@code bench/results/raw/<name>/}, made here).
 */
record RunFiles(String name, Path results, Path raw) {
  static RunFiles create(Path repo, String label) throws IOException {
    String name =
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + label;
    Path results = repo.resolve("bench/results");
    Path raw = results.resolve("raw").resolve(name);
    Files.createDirectories(raw);
    return new RunFiles(name, results, raw);
  }

  /** Writes the result as JSON and the markdown beside it; returns a line saying where. */
  String write(Object result, String markdown) throws IOException {
    Files.writeString(
        results.resolve(name + ".json"),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result)
            + "\n");
    Files.writeString(results.resolve(name + ".md"), markdown);
    return "written: bench/results/" + name + ".md and .json";
  }
}
