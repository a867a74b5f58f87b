package io.authcore.recipe.core;

import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.Endpoint;
import io.authcore.http.HttpError;
import io.authcore.http.Route;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.tenancy.Tenants;
import java.util.List;

/**
 * {@code /hello} and the bare root: any method, no api key, 200 only while the database answers
 * (for readiness probes). {@code /health/live}, Authcore's own, answers whenever the server does,
 * whatever the database: a liveness probe on {@code /hello} would restart every healthy pod during
 * a database outage.
 */
public final class HelloApi implements Api {
  private final HelloService hello;
  private final Tenants tenants;

  public HelloApi(HelloService hello, Tenants tenants) {
    this.hello = hello;
    this.tenants = tenants;
  }

  @Override
  public void routes(Routes routes) {
    for (String path : new String[] {"/hello", "/"}) {
      Endpoint endpoint = path.equals("/") ? this::root : this::hello;
      List<Route> methods =
          List.of(
              routes.get(path, endpoint),
              routes.post(path, endpoint),
              routes.put(path, endpoint),
              routes.delete(path, endpoint));
      for (Route route : methods) {
        route.scope(Scope.APP).withoutApiKey().anyCdiVersion();
        if (path.equals("/hello")) {
          // A probe flood is answered from the last check without leaving the I/O thread.
          route.inlineWhen(hello::hasFreshAnswer);
        }
      }
    }
    routes
        .get("/health/live", call -> "Alive")
        .scope(Scope.NONE)
        .withoutApiKey()
        .anyCdiVersion()
        .inline(); // answered by the I/O thread: it proves the server takes requests
  }

  private Object hello(Call call) {
    // On the I/O thread (chosen only while a fresh answer exists) nothing may block.
    boolean healthy = call.onIoThread() ? hello.lastAnswer() : hello.databaseAnswers();
    if (!healthy) {
      throw HttpError.unavailable(); // HelloService logs the change of state, not every probe
    }
    return "Hello";
  }

  /** The original answers a bare tenant path with Hello, and an unknown tenant with 404. */
  private Object root(Call call) {
    if (!tenants.tenantExists(call.tenant())) {
      throw HttpError.notFound();
    }
    return hello(call);
  }
}
