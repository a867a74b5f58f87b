package io.authcore.bench;

/**
 * What one keep-alive connection sends, request after request; it may carry state from one response
 * to the next (a refresh chain). Called from one load thread only.
 */
interface Conversation {
  /** The next request; {@link Request#dueNanos()} in the future paces it. */
  Request next(long nowNanos);

  /**
   * Judges a response to {@code request}: null if it is a success, otherwise a short reason (no
   * token or secret in it), counted as an error.
   */
  String accept(Request request, ResponseParser.Response response);
}
