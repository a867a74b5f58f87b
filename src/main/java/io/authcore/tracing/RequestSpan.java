package io.authcore.tracing;

/** The server span of one request, from its first sight to its last byte. */
public interface RequestSpan {
  RequestSpan NONE = new RequestSpan() {};

  /** The 32 hex digits of the request's trace, or null when nothing is traced. */
  default String traceId() {
    return null;
  }

  /**
   * Makes this span the current one on the calling thread, where the request's work runs (the I/O
   * thread, then a worker), until the returned scope is closed.
   */
  default Scope enter() {
    return Scope.NONE;
  }

  /** Ends the span with the response's status. */
  default void end(int status) {}

  /** A span's time as the current one on a thread. */
  interface Scope extends AutoCloseable {
    Scope NONE = () -> {};

    @Override
    void close();
  }
}
