package io.authcore.http;

import java.util.function.BooleanSupplier;

/** A registered endpoint and the checks the pipeline runs before it. */
public final class Route {
  final String method;
  final String path;
  final Endpoint endpoint;
  Scope scope = Scope.TENANT;
  boolean apiKeyChecked = true;
  boolean cdiVersionNeeded = true;
  CdiVersion publicTenantSince = CdiVersion.V5_0;
  boolean namesMissingApp;
  String rid = "";
  boolean slow;
  BooleanSupplier inlineWhen;

  Route(String method, String path, Endpoint endpoint) {
    this.method = method;
    this.path = path;
    this.endpoint = endpoint;
  }

  public Route scope(Scope newScope) {
    this.scope = newScope;
    return this;
  }

  /**
   * For {@link Scope#APP_PUBLIC_TENANT}: the first CDI version that refuses another tenant with
   * 403; older clients may name any existing tenant of the app, as they always could.
   */
  public Route publicTenantSince(CdiVersion version) {
    this.publicTenantSince = version;
    return this;
  }

  /**
   * An unknown app is reported as "App with ... not found" rather than as its public tenant, for
   * the few app-level endpoints where the original words it so.
   */
  public Route namesMissingApp() {
    this.namesMissingApp = true;
    return this;
  }

  /** The original lets these through without a key: /hello, the JWKS, ... */
  public Route withoutApiKey() {
    this.apiKeyChecked = false;
    return this;
  }

  /**
   * Chosen when the request's {@code rid} header names this recipe; the route registered without a
   * rid answers every other request to the same path and method.
   */
  public Route rid(String recipeId) {
    this.rid = recipeId;
    return this;
  }

  /**
   * Runs on a pool of its own (password hashing takes a core for ~0.1 s), so that a flood of such
   * requests queues there instead of occupying the workers every other request needs.
   */
  public Route slow() {
    this.slow = true;
    return this;
  }

  /**
   * Runs on the I/O thread, after its body has been read there, without a hand-over to a worker,
   * whenever {@code canAnswerAtOnce} says so (for example because a fresh cached answer exists),
   * for the public tenant of the public app. {@link Call#onIoThread()} tells the endpoint where it
   * runs; one that finds it must block after all throws {@link Call#leaveIoThread()}.
   */
  public Route inlineWhen(BooleanSupplier canAnswerAtOnce) {
    this.inlineWhen = canAnswerAtOnce;
    return this;
  }

  /** {@link #inlineWhen} always: the endpoint itself decides when to leave the I/O thread. */
  public Route inline() {
    return inlineWhen(() -> true);
  }

  /** Any well-formed cdi-version is accepted, not only the implemented ones. */
  public Route anyCdiVersion() {
    this.cdiVersionNeeded = false;
    return this;
  }
}
