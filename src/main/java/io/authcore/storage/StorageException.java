package io.authcore.storage;

import java.util.Optional;

/**
 * A database fault. The web layer answers it with a 500 and logs it; clients never see SQL. When
 * the fault is a constraint violation, {@link #violation()} names it so that a store or service can
 * turn it into a business outcome (a duplicate email becomes {@code EMAIL_ALREADY_EXISTS_ERROR}).
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Violation violation;

  public StorageException(String message, Throwable cause) {
    this(message, cause, null);
  }

  public StorageException(String message, Throwable cause, Violation violation) {
    super(message, cause);
    this.violation = violation;
  }

  public Optional<Violation> violation() {
    return Optional.ofNullable(violation);
  }
}
