package io.authcore.storage.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A DDL resource cut into one group per table: its {@code CREATE TABLE} followed by the indexes on
 * it. The text uses {@code ${t}} before table names and {@code ${p}} before constraint and index
 * names; {@link #statements} fills them in for one database.
 */
final class SchemaScript {
  private static final String BASELINE = "db/schema/v1-tables.sql";
  private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE TABLE \\$\\{t}(\\w+) ");
  private static final Pattern CREATE_INDEX =
      Pattern.compile("^CREATE INDEX \\$\\{p}\\w+ ON \\$\\{t}(\\w+) ");
  private static final Pattern NAMED =
      Pattern.compile("(?:CONSTRAINT|CREATE INDEX) \\$\\{p}(\\w+)");
  private static final SchemaScript BASELINE_SCRIPT = load(BASELINE);

  private final Map<String, List<String>> groups;
  private final int checksum;

  private SchemaScript(Map<String, List<String>> groups, int checksum) {
    this.groups = groups;
    this.checksum = checksum;
  }

  /** The deployment document's tables: version 1 of the schema. */
  static SchemaScript baseline() {
    return BASELINE_SCRIPT;
  }

  /** Table names in creation order (parents before children). */
  List<String> tables() {
    return List.copyOf(groups.keySet());
  }

  /** The statements that create {@code table} and its indexes in the given naming. */
  List<String> statements(String table, Tables names) {
    List<String> result = new ArrayList<>();
    for (String statement : groups.get(table)) {
      result.add(statement.replace("${t}", names.qualifier()).replace("${p}", names.prefix()));
    }
    return result;
  }

  /** Every constraint and index name, without the prefix. */
  List<String> constraintAndIndexNames() {
    List<String> names = new ArrayList<>();
    for (List<String> statements : groups.values()) {
      for (String statement : statements) {
        Matcher m = NAMED.matcher(statement);
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  int checksum() {
    return checksum;
  }

  static SchemaScript load(String resource) {
    String text = read(resource);
    Map<String, List<String>> groups = new LinkedHashMap<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.startsWith("--") || line.isBlank()) {
        continue;
      }
      current.append(current.length() == 0 ? "" : "\n").append(line);
      if (line.endsWith(";")) {
        add(groups, current.substring(0, current.length() - 1), resource);
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      throw new IllegalStateException(resource + " ends without ';'");
    }
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return new SchemaScript(groups, (int) crc.getValue());
  }

  private static void add(Map<String, List<String>> groups, String statement, String resource) {
    Matcher table = CREATE_TABLE.matcher(statement);
    if (table.find()) {
      groups.put(table.group(1), new ArrayList<>(List.of(statement)));
      return;
    }
    Matcher index = CREATE_INDEX.matcher(statement);
    if (index.find() && groups.containsKey(index.group(1))) {
      groups.get(index.group(1)).add(statement);
      return;
    }
    throw new IllegalStateException(
        resource + ": not a CREATE TABLE or an index on one: " + statement);
  }

  static String read(String resource) {
    try (InputStream in = SchemaScript.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
