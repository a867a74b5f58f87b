package io.authcore.storage;

/**
 * A constraint the database refused to break, normalised across engines. {@code constraint} is the
 * name as the deployment document spells it, without {@code postgresql_table_names_prefix} (for
 * example {@code emailpassword_user_to_tenant_email_key}); primary keys end in {@code _pkey}.
 */
public record Violation(Kind kind, String constraint) {
  public enum Kind {
    /** A unique constraint or primary key. */
    UNIQUE,
    /** A missing parent row, or a parent row that still has children. */
    FOREIGN_KEY
  }

  public boolean is(Kind kind, String constraint) {
    return this.kind == kind && this.constraint.equals(constraint);
  }
}
