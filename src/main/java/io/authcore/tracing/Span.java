package io.authcore.tracing;

/** A span of work inside a traced request; {@link #NONE} when nothing is traced. */
public interface Span extends AutoCloseable {
  Span NONE = new Span() {};

  /** Adds an attribute; returns this span. */
  default Span attribute(String key, String value) {
    return this;
  }

  /** Marks the span failed with {@code failure}. */
  default void failed(Throwable failure) {}

  /** Ends the span. */
  @Override
  default void close() {}
}
