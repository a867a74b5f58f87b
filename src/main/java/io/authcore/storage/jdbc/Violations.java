package io.authcore.storage.jdbc;

import io.authcore.storage.Violation;
import io.authcore.storage.Violation.Kind;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one place that recognises constraint violations, for both engines. Unique keys are SQL state
 * 23505 on both. A foreign key is 23503 on PostgreSQL, while H2 says 23506 for a missing parent and
 * 23503 for a parent that still has children. PostgreSQL reports the constraint in a field of the
 * server message; H2 only in the text ({@code "public.<name> INDEX ..."} for unique keys, {@code
 * "<name>: ..."} for foreign keys).
 */
final class Violations {
  private static final Pattern H2_UNIQUE =
      Pattern.compile("violation: \"(?:[^\".]+\\.)?([^\". ]+) (?:INDEX|ON) ");
  private static final Pattern H2_FOREIGN_KEY = Pattern.compile("violation: \"([^\":]+):");

  private Violations() {}

  static Optional<Violation> classify(SQLException e, Tables tables) {
    Kind kind = kind(e.getSQLState());
    if (kind == null) {
      return Optional.empty();
    }
    String constraint = constraint(e, kind);
    return constraint == null
        ? Optional.empty()
        : Optional.of(new Violation(kind, tables.withoutPrefix(constraint)));
  }

  private static Kind kind(String state) {
    if (state == null) {
      return null;
    }
    return switch (state) {
      case "23505" -> Kind.UNIQUE;
      case "23503", "23506" -> Kind.FOREIGN_KEY;
      default -> null;
    };
  }

  private static String constraint(SQLException e, Kind kind) {
    if (e instanceof PSQLException pg) {
      ServerErrorMessage server = pg.getServerErrorMessage();
      return server == null ? null : server.getConstraint();
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    Matcher m = (kind == Kind.UNIQUE ? H2_UNIQUE : H2_FOREIGN_KEY).matcher(message);
    return m.find() ? m.group(1) : null;
  }
}
