package io.authcore.recipe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business outcome other than OK. The web layer answers it with HTTP 200 and {@code
 * {"status":..., extras...}}, which is how the original reports expected failures.
 */
public final class StatusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Status status;
  private final transient Map<String, Object> extras;

  public StatusException(Status status) {
    this(status, Map.of());
  }

  public StatusException(Status status, Map<String, Object> extras) {
    super(status.name(), null, false, false);
    this.status = status;
    this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }

  /** The common case of a status with a {@code message} field. */
  public static StatusException withMessage(Status status, String message) {
    return new StatusException(status, Map.of("message", message));
  }

  public Status status() {
    return status;
  }

  /** Fields after {@code status}, in the order they are written. */
  public Map<String, Object> extras() {
    return extras;
  }
}
