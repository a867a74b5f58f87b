package io.authcore.storage.jdbc;

import java.util.Set;

/**
 * Table, constraint and index names as this database spells them, resolved once and used by every
 * store. As in the original, a table is {@code [schema.]<prefix>_<name>} with the schema written
 * only when it is not {@code public}; constraint names carry the prefix but never the schema. Index
 * names carry the prefix too (the original leaves them bare, which makes two prefixes in one schema
 * collide).
 */
final class Tables {
  private final String schema;
  private final String prefix;
  private final Set<String> known;

  private Tables(String schema, String prefix, Set<String> known) {
    this.schema = schema;
    this.prefix = prefix;
    this.known = known;
  }

  /**
   * @param schema where the tables live, lower case
   * @param prefix empty, or the configured prefix followed by {@code _}
   */
  static Tables of(String schema, String prefix) {
    return new Tables(schema, prefix, Set.copyOf(SchemaScript.baseline().tables()));
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

  /** A constraint name as the deployment document spells it. */
  String withoutPrefix(String constraint) {
    return !prefix.isEmpty() && constraint.startsWith(prefix)
        ? constraint.substring(prefix.length())
        : constraint;
  }
}
