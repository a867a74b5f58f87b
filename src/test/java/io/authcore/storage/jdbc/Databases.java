package io.authcore.storage.jdbc;

import io.authcore.config.ConfigLoader;
import io.authcore.config.CoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Small helpers shared by the storage tests. */
final class Databases {
  private Databases() {}

  static CoreConfig config(Map<String, String> database, Map<String, String> more) {
    Map<String, String> overrides = new HashMap<>(database);
    overrides.put("port", String.valueOf(freePort()));
    overrides.putAll(more);
    return ConfigLoader.load(null, Map.of(), overrides, false);
  }

  /** A port nothing listens on right now (the config refuses port 0 for now). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first column of every row, as text. */
  static List<String> column(DataSource db, String sql) {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long count(DataSource db, String sql) {
    return Long.parseLong(column(db, sql).get(0));
  }

  static void run(DataSource db, List<String> statements) {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
