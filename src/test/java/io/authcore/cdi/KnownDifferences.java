package io.authcore.cdi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ratchet of {@code known-differences.txt}: the steps where Authcore answers differently from
 * the original today, one line each:
 *
 * <pre>
 * 2.7..2.21 session.create: /session keys: expected [...], got [...]
 * 5.0 multitenancy.app-api-on-tenant-roles [postgres]: status: expected 403, got 200
 * </pre>
 *
 * A version, or an inclusive range of the sequence's versions (only those at which the step runs);
 * the step id; optionally the one storage the difference shows on ({@code h2}, {@code postgres}),
 * else both; a reason. Lines starting with {@code #} and blank lines are comments.
 */
final class KnownDifferences {
  private static final Pattern LINE =
      Pattern.compile("(\\S+?)(?:\\.\\.(\\S+))? (\\S+)(?: \\[(h2|postgres)])?: (.*)");
  private static final String HEADER =
      """
      # Steps where Authcore answers differently from the original today (compat/cdi/README.md).
      # The replay (CdiReplayTest) fails on a difference not listed here AND on a listed one that no
      # longer differs, so this list can only shrink. A line:
      #   <version>[..<version>] <step-id>[ [h2|postgres]]: <reason>
      # A range covers the versions at which the step runs; without [h2|postgres] the difference
      # shows on both storages. Regenerate: see README.md. Grouped by area (the step id's prefix).
      """;

  /** A (version, step, storage) that differs; {@code storage} is "h2" or "postgres". */
  record Key(String version, String stepId, String storage) {}

  private final Map<Key, String> reasons;

  private KnownDifferences(Map<Key, String> reasons) {
    this.reasons = reasons;
  }

  static KnownDifferences read(Path file, Sequence sequence) {
    Map<Key, String> reasons = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return new KnownDifferences(reasons);
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalStateException(
            file + ":" + (n + 1) + ": not '<version> <step-id>: <why>'");
      }
      String stepId = m.group(3);
      List<String> versions = versionsOf(sequence, stepId, m.group(1), m.group(2));
      if (versions.isEmpty()) {
        throw new IllegalStateException(
            file + ":" + (n + 1) + ": step " + stepId + " does not run at " + m.group(1));
      }
      List<String> storages = m.group(4) == null ? List.of("h2", "postgres") : List.of(m.group(4));
      for (String version : versions) {
        for (String storage : storages) {
          reasons.put(new Key(version, stepId, storage), m.group(5));
        }
      }
    }
    return new KnownDifferences(reasons);
  }

  boolean contains(Key key) {
    return reasons.containsKey(key);
  }

  Optional<String> reason(Key key) {
    return Optional.ofNullable(reasons.get(key));
  }

  /** The listed differences of one version on one storage. */
  List<Key> listedFor(String version, String storage) {
    return reasons.keySet().stream()
        .filter(k -> k.version().equals(version) && k.storage().equals(storage))
        .toList();
  }

  /**
   * Writes the list for {@code differing} (each with its reason), keeping the reasons already
   * written for entries that still differ: by area, then step, then version, with consecutive
   * versions of the same step, storages and reason folded into one range.
   */
  static void write(
      Path file, Sequence sequence, Map<Key, String> differing, KnownDifferences old) {
    // step id -> version -> (storages, reason)
    Map<String, Map<String, String[]>> byStep = new TreeMap<>(stepOrder(sequence));
    differing.forEach(
        (key, generated) -> {
          String reason = old.reason(key).orElse(generated);
          String[] entry =
              byStep
                  .computeIfAbsent(key.stepId(), s -> new TreeMap<>(versionOrder(sequence)))
                  .computeIfAbsent(key.version(), v -> new String[] {"", reason});
          entry[0] = entry[0].isEmpty() ? key.storage() : "both";
        });
    StringBuilder out = new StringBuilder(HEADER);
    String area = null;
    for (Map.Entry<String, Map<String, String[]>> step : byStep.entrySet()) {
      String stepArea = step.getKey().replaceFirst("\\..*", "");
      if (!stepArea.equals(area)) {
        area = stepArea;
        out.append("\n## ").append(area).append('\n');
      }
      List<String> runsAt =
          sequence.versions().stream()
              .filter(
                  v -> sequence.stepsFor(v).stream().anyMatch(s -> s.id().equals(step.getKey())))
              .toList();
      List<Map.Entry<String, String[]>> versions = new ArrayList<>(step.getValue().entrySet());
      for (int i = 0; i < versions.size(); ) {
        int j = i;
        while (j + 1 < versions.size()
            && runsAt.indexOf(versions.get(j + 1).getKey())
                == runsAt.indexOf(versions.get(j).getKey()) + 1
            && versions.get(j + 1).getValue()[0].equals(versions.get(i).getValue()[0])
            && versions.get(j + 1).getValue()[1].equals(versions.get(i).getValue()[1])) {
          j++;
        }
        String[] entry = versions.get(i).getValue();
        out.append(versions.get(i).getKey());
        if (j > i) {
          out.append("..").append(versions.get(j).getKey());
        }
        out.append(' ').append(step.getKey());
        if (!entry[0].equals("both")) {
          out.append(" [").append(entry[0]).append(']');
        }
        out.append(": ").append(entry[1]).append('\n');
        i = j + 1;
      }
    }
    try {
      Files.writeString(file, out.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> versionsOf(Sequence sequence, String stepId, String from, String to) {
    List<String> all = sequence.versions();
    int a = all.indexOf(from);
    int b = to == null ? a : all.indexOf(to);
    if (a < 0 || b < 0 || b < a) {
      return List.of();
    }
    return all.subList(a, b + 1).stream()
        .filter(v -> sequence.stepsFor(v).stream().anyMatch(s -> s.id().equals(stepId)))
        .toList();
  }

  private static Comparator<String> stepOrder(Sequence sequence) {
    List<String> ids = sequence.stepIds();
    return Comparator.comparingInt(ids::indexOf);
  }

  private static Comparator<String> versionOrder(Sequence sequence) {
    return Comparator.comparingInt(sequence.versions()::indexOf);
  }
}
