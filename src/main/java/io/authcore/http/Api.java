package io.authcore.http;

/** A feature's routes, registered in one method. */
public interface Api {
  void routes(Routes routes);
}
