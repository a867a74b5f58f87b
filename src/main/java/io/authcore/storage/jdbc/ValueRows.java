package io.authcore.storage.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Looking many values up at once by joining a table's key on a list of rows given inline. */
final class ValueRows {
  /** Values looked up per statement. */
  private static final int VALUES_PER_STATEMENT = 500;

  private ValueRows() {}

  /**
   * {@code (VALUES (CAST(? AS t1), ...), (?, ...), ...)} for {@code rows} rows: joined on a table's
   * key, it looks up each value by index on both engines, where an IN list on a key's later column
   * has H2 read every row of the app. The first row's casts type the columns (a {@code CHAR} key is
   * compared as {@code CHAR} on PostgreSQL, and so by index).
   */
  static String values(int rows, String... types) {
    StringBuilder out = new StringBuilder("(VALUES ");
    for (int r = 0; r < rows; r++) {
      out.append(r == 0 ? "(" : ", (");
      for (int c = 0; c < types.length; c++) {
        out.append(c == 0 ? "" : ", ").append(r == 0 ? "CAST(? AS " + types[c] + ")" : "?");
      }
      out.append(")");
    }
    return out.append(")").toString();
  }

  /**
   * The parameters of rows of two columns, each given as one key of the two values joined by a line
   * feed (as {@code UserImportStore} names its pairs).
   */
  static List<Object> pairs(List<String> keys) {
    List<Object> params = new ArrayList<>();
    for (String key : keys) {
      int split = key.indexOf('\n');
      params.add(key.substring(0, split));
      params.add(key.substring(split + 1));
    }
    return params;
  }

  /** The distinct values, in statements' worth. */
  static List<List<String>> chunks(Collection<String> values) {
    List<String> all = new ArrayList<>(new LinkedHashSet<>(values));
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += VALUES_PER_STATEMENT) {
      chunks.add(all.subList(i, Math.min(all.size(), i + VALUES_PER_STATEMENT)));
    }
    return chunks;
  }
}
