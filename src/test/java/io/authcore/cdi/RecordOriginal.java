package io.authcore.cdi;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Records the original's answers to the sequence: {@code RecordOriginal <url> <pid> <version>...}
 * writes {@code recordings/<version>.json} for each version, all against the server at {@code url}
 * (whose OS process id is {@code pid}, for {@code /config}). {@code compat/cdi/record.sh} starts a
 * fresh original for each version and calls this; {@code RecordOriginal --versions} prints the
 * sequence's versions.
 */
public final class RecordOriginal {
  static final String RECORDED_FROM =
      "SuperTokens Core 11.4.7, in-memory storage, fresh per version";

  private RecordOriginal() {}

  public static void main(String[] args) {
    Sequence sequence = Sequence.load(Kit.SEQUENCE);
    if (args.length == 1 && args[0].equals("--versions")) {
      System.out.println(String.join(" ", sequence.versions()));
      return;
    }
    if (args.length < 3) {
      System.err.println("usage: RecordOriginal <url> <pid> <version>... | --versions");
      System.exit(2);
    }
    SequenceRunner runner = new SequenceRunner(args[0], Map.of("pid", args[1]));
    List<String> versions = Arrays.asList(args).subList(2, args.length);
    for (String version : versions) {
      if (!sequence.versions().contains(version)) {
        throw new IllegalArgumentException("CDI " + version + " is not in sequence.json");
      }
      SequenceRunner.Run run = runner.run(sequence, version);
      List<String> unresolved =
          run.exchanges().stream()
              .filter(x -> !x.unresolved().isEmpty())
              .map(x -> x.step().id() + " " + x.unresolved())
              .toList();
      if (!unresolved.isEmpty()) {
        // A step the original could not serve the inputs for: the sequence is wrong, not the core.
        throw new IllegalStateException(
            "CDI " + version + ": variables never captured: " + unresolved);
      }
      Recording.of(run, RECORDED_FROM, sequence).write(Kit.recording(version));
      System.out.println("recorded CDI " + version + ": " + run.exchanges().size() + " steps");
    }
  }
}
