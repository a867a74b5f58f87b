package io.authcore.tracing;

/**
 * Where the core's layers open spans around their work (a transaction, a password hash) without
 * knowing OpenTelemetry. A span opens only inside a traced request: background jobs, which would
 * make a root span every few hundred milliseconds, get {@link Span#NONE}.
 */
@FunctionalInterface
public interface Spans {
  Spans OFF = name -> Span.NONE;

  /** A child of the current request's span, ended by {@link Span#close()}. */
  Span start(String name);
}
