package io.authcore.cdi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;

/** Where the kit's files live, and the JSON mapper it reads and writes them with. */
final class Kit {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** {@code compat/cdi} of the project; tests and the recorder run from the project's root. */
  static final Path DIR = Path.of(System.getProperty("cdi.kit.dir", "compat/cdi"));

  static final Path SEQUENCE = DIR.resolve("sequence.json");
  static final Path RECORDINGS = DIR.resolve("recordings");
  static final Path KNOWN_DIFFERENCES = DIR.resolve("known-differences.txt");

  private Kit() {}

  static Path recording(String version) {
    return RECORDINGS.resolve(version + ".json");
  }
}
