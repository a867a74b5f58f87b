package io.authcore.recipe.core;

import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.Endpoint;
import io.authcore.http.HttpError;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.tenancy.Tenants;

/**
 * {@code /hello} and the bare root: any method, no api key, 200 only while the database answers.
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
      routes.get(path, endpoint).scope(Scope.APP).withoutApiKey().anyCdiVersion();
      routes.post(path, endpoint).scope(Scope.APP).withoutApiKey().anyCdiVersion();
      routes.put(path, endpoint).scope(Scope.APP).withoutApiKey().anyCdiVersion();
      routes.delete(path, endpoint).scope(Scope.APP).withoutApiKey().anyCdiVersion();
    }
  }

  private Object hello(Call call) {
    if (!hello.databaseAnswers()) {
      throw new IllegalStateException("the database does not answer");
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
