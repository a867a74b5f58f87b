package io.authcore.storage.jdbc;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Table, constraint and index names as this database spells them, resolved once and used by every
 * store. As in the original, a table is {@code [schema.]<prefix>_<name>} with the schema written
 * only when it is not {@code public}; constraint names carry the prefix but never the schema. Index
 * names carry the prefix too (the original leaves them bare, which makes two prefixes in one schema
 * collide). PostgreSQL cuts names longer than 63 bytes; {@link #withoutPrefix} maps them back.
 */
final class Tables {
  /** PostgreSQL cuts identifiers to 63 bytes, so a long prefix shortens some names. */
  private static final int MAX_IDENTIFIER = 63;

  private final String schema;
  private final String prefix;
  private final Set<String> known;
  private final Map<String, String> documentNames = new HashMap<>();

  private Tables(String schema, String prefix, SchemaScript script) {
    this.schema = schema;
    this.prefix = prefix;
    this.known = Set.copyOf(script.tables());
    for (String name : script.constraintAndIndexNames()) {
      String stored = prefix + name;
      documentNames.put(
          stored.length() > MAX_IDENTIFIER ? stored.substring(0, MAX_IDENTIFIER) : stored, name);
    }
  }

  /**
   * @param schema where the tables live, lower case
   * @param prefix empty, or the configured prefix followed by {@code _}
   */
  static Tables of(String schema, String prefix) {
    return new Tables(schema, prefix, SchemaScript.baseline());
  }

  /** The name to write in SQL for one of the deployment document's tables. */
  String name(String table) {
    if (!known.contains(table)) {
      throw new IllegalArgumentException("not a table of the schema: " + table);
    }
    return qualifier() + table;
  }

  /** What goes before a bare table name in SQL: the schema (unless public) and the prefix. */
  String qualifier() {
    return (schema.equals("public") ? "" : schema + ".") + prefix;
  }

  /** The prefix alone, as constraint and index names carry it. */
  String prefix() {
    return prefix;
  }

  String schema() {
    return schema;
  }

  /** The table's name in the catalog, without the schema. */
  String catalogName(String table) {
    return prefix + table;
  }

  /** A constraint name as the database reports it, spelled as in the deployment document. */
  String withoutPrefix(String constraint) {
    String known = documentNames.get(constraint);
    if (known != null) {
      return known;
    }
    return !prefix.isEmpty() && constraint.startsWith(prefix)
        ? constraint.substring(prefix.length())
        : constraint;
  }
}
