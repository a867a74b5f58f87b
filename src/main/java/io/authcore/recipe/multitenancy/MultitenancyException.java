package io.authcore.recipe.multitenancy;

/** A refused change to apps or tenants, with the original's message; the API picks the status. */
public final class MultitenancyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** 400 or 403 in the original. */
  public enum Kind {
    BAD_REQUEST,
    FORBIDDEN
  }

  private final Kind kind;

  private MultitenancyException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  static MultitenancyException badRequest(String message) {
    return new MultitenancyException(Kind.BAD_REQUEST, message);
  }

  static MultitenancyException forbidden(String message) {
    return new MultitenancyException(Kind.FORBIDDEN, message);
  }

  public Kind kind() {
    return kind;
  }
}
