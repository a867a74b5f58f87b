package io.authcore.http;

import java.util.function.IntSupplier;

/**
 * What the server's owner decides about sharing the machine: how many requests to slow endpoints
 * may be in the server at once (asked on each), and what each request thread does once, before its
 * first request (such as lowering its priority below a sign-in's hash).
 */
public record Scheduling(IntSupplier slowLimit, Runnable onRequestThread) {
  public static final Scheduling NONE = new Scheduling(() -> Integer.MAX_VALUE, () -> {});
}
