package io.authcore.cdi;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.Authcore;
import io.authcore.config.ConfigLoader;
import io.authcore.support.Backend;
import io.authcore.support.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the sequence of {@code compat/cdi/} against Authcore at every recorded CDI version, on
 * both storages, and compares each answer with the original's recording by shape ({@link
 * ShapeComparison}). Each version runs on a fresh server with a fresh database, as each was
 * recorded on a fresh original.
 *
 * <p>A difference fails the version unless {@code known-differences.txt} lists it; a listed
 * difference that is gone fails too, so the list only shrinks. Every difference is printed (and
 * written to {@code target/cdi-replay/differences.txt}). With {@code -Dcdi.writeKnownDifferences}
 * nothing fails for differences and the list is rewritten from this run.
 */
class CdiReplayTest {
  private static final boolean WRITE = Boolean.getBoolean("cdi.writeKnownDifferences");
  private static final Path REPORT = Path.of("target", "cdi-replay", "differences.txt");

  /**
   * The original ran on its shipped config.yaml plus {@code disable_telemetry: true} (see
   * original-core/start.sh), and 5.4 is its newest version: Authcore, which also speaks 5.5 and
   * 5.6, is capped there so that {@code /apiversion} and header-less requests mean the same.
   * bcrypt's cost only makes the run faster; no answer shows it.
   */
  private static final String CONFIG_YAML =
      """
      disable_telemetry: true
      supertokens_max_cdi_version: "5.4"
      bcrypt_log_rounds: 4
      """;

  private final Sequence sequence = Sequence.load(Kit.SEQUENCE);
  private final KnownDifferences known = KnownDifferences.read(Kit.KNOWN_DIFFERENCES, sequence);
  private final Map<KnownDifferences.Key, String> differing = new LinkedHashMap<>();
  private final StringBuilder report = new StringBuilder();
  private int versionsRun;

  @TestFactory
  Stream<DynamicNode> replay() {
    List<DynamicNode> nodes = new ArrayList<>();
    for (Backend backend : Backend.values()) {
      nodes.add(
          DynamicContainer.dynamicContainer(
              backend.name(),
              sequence.versions().stream()
                  .map(v -> DynamicTest.dynamicTest("CDI " + v, () -> replay(backend, v)))));
    }
    nodes.add(DynamicTest.dynamicTest("report", this::finish));
    return nodes.stream();
  }

  private void replay(Backend backend, String version) throws IOException {
    String storage = backend.name().toLowerCase();
    Recording recording = recording(version);
    SequenceRunner.Run run = runAuthcore(backend, version);
    versionsRun++;

    List<String> unexpected = new ArrayList<>();
    StringBuilder seen = new StringBuilder("== " + storage + " CDI " + version + "\n");
    List<Sequence.Step> steps = sequence.stepsFor(version);
    ShapeComparison.Variables captured =
        ShapeComparison.Variables.of(Recording.captured(run, sequence));
    ShapeComparison.Variables recorded = ShapeComparison.Variables.of(recording.variables());
    for (int i = 0; i < steps.size(); i++) {
      SequenceRunner.Exchange exchange = run.exchanges().get(i);
      List<ShapeComparison.Difference> differences =
          differences(steps.get(i), recording, recorded, i, exchange, captured);
      if (differences.isEmpty()) {
        continue;
      }
      KnownDifferences.Key key = new KnownDifferences.Key(version, steps.get(i).id(), storage);
      differing.put(key, differences.get(0).gist());
      String block = describe(steps.get(i), exchange, differences);
      seen.append(block);
      if (!known.contains(key)) {
        unexpected.add(block);
      }
    }
    report.append(seen);
    System.out.print(seen);
    if (!WRITE) {
      verdict(version, storage, unexpected);
    }
  }

  private Recording recording(String version) {
    Path file = Kit.recording(version);
    if (!Files.exists(file)) {
      fail(file + " is missing: record it with compat/cdi/record.sh " + version);
    }
    Recording recording = Recording.read(file);
    checkNotStale(recording, sequence.stepsFor(version), version);
    return recording;
  }

  private SequenceRunner.Run runAuthcore(Backend backend, String version) throws IOException {
    try (Authcore core = start(backend)) {
      String pid = String.valueOf(ProcessHandle.current().pid());
      return new SequenceRunner("http://localhost:" + core.port(), Map.of("pid", pid))
          .run(sequence, version);
    } finally {
      // Each version had a database of its own; none is needed after it (23 per storage add up).
      TestDatabases.dropCreated();
    }
  }

  private List<ShapeComparison.Difference> differences(
      Sequence.Step step,
      Recording recording,
      ShapeComparison.Variables recorded,
      int index,
      SequenceRunner.Exchange exchange,
      ShapeComparison.Variables actualVariables) {
    List<ShapeComparison.Difference> differences =
        new ArrayList<>(
            ShapeComparison.compare(
                sequence,
                step,
                recording.answers().get(index),
                recorded,
                Answer.of(exchange),
                actualVariables));
    for (String name : exchange.unresolved()) {
      differences.add(
          ShapeComparison.Difference.of(
              "request", "${" + name + "} captured earlier", "never captured"));
    }
    return differences;
  }

  /** Fails on a difference the list does not name, and on a listed one that is gone. */
  private void verdict(String version, String storage, List<String> unexpected) {
    List<String> gone =
        known.listedFor(version, storage).stream()
            .filter(k -> !differing.containsKey(k))
            .map(k -> k.version() + " " + k.stepId())
            .toList();
    StringBuilder failure = new StringBuilder();
    if (!unexpected.isEmpty()) {
      failure.append(unexpected.size()).append(" difference(s) from the original not in ");
      failure.append(Kit.KNOWN_DIFFERENCES).append(":\n");
      unexpected.forEach(failure::append);
    }
    if (!gone.isEmpty()) {
      failure.append("listed in ").append(Kit.KNOWN_DIFFERENCES);
      failure.append(" but answered as the original now (remove them): ").append(gone);
    }
    if (!failure.isEmpty()) {
      fail(failure.toString());
    }
  }

  /** A fresh server on a fresh database, loaded from a config.yaml as the original was. */
  private static Authcore start(Backend backend) throws IOException {
    Files.createDirectories(REPORT.getParent());
    Path yaml = Files.writeString(REPORT.resolveSibling("config.yaml"), CONFIG_YAML);
    Map<String, String> overrides = new LinkedHashMap<>(TestDatabases.fresh(backend));
    overrides.put("port", "0");
    overrides.put("host", "localhost");
    return Authcore.start(ConfigLoader.load(yaml, Map.of(), overrides, false), Clock.systemUTC());
  }

  private void finish() {
    try {
      Files.createDirectories(REPORT.getParent());
      Files.writeString(REPORT, report.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (WRITE) {
      if (versionsRun != sequence.versions().size() * Backend.values().length) {
        fail("not every version ran on every storage; the list was not rewritten");
      }
      KnownDifferences.write(Kit.KNOWN_DIFFERENCES, sequence, differing, known);
      System.out.println("rewrote " + Kit.KNOWN_DIFFERENCES + ": " + differing.size() + " entries");
    }
  }

  /** What reached the original: how its answer is compared may change without re-recording. */
  private static JsonNode sent(JsonNode definition) {
    ObjectNode copy = definition.deepCopy();
    copy.remove(List.of("note", "volatile", "unordered"));
    return copy;
  }

  private static void checkNotStale(
      Recording recording, List<Sequence.Step> steps, String version) {
    List<String> recorded = recording.answers().stream().map(Answer::id).toList();
    List<String> now = steps.stream().map(Sequence.Step::id).toList();
    boolean same = recorded.equals(now);
    for (int i = 0; same && i < steps.size(); i++) {
      same = sent(steps.get(i).definition()).equals(sent(recording.answers().get(i).request()));
    }
    if (!same) {
      fail(
          "recordings/"
              + version
              + ".json was recorded for another sequence.json: re-record with compat/cdi/record.sh "
              + version);
    }
  }

  private static String describe(
      Sequence.Step step, SequenceRunner.Exchange exchange, List<ShapeComparison.Difference> d) {
    StringBuilder out = new StringBuilder();
    out.append("-- ").append(step.id()).append("  (").append(step.method()).append(' ');
    out.append(exchange.path()).append(")\n");
    d.forEach(x -> out.append("     ").append(x).append('\n'));
    return out.toString();
  }
}
