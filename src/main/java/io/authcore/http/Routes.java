package io.authcore.http;

/** What an {@link Api} registers its endpoints with. Paths are lower case and static. */
public interface Routes {
  Route get(String path, Endpoint endpoint);

  Route post(String path, Endpoint endpoint);

  Route put(String path, Endpoint endpoint);

  Route delete(String path, Endpoint endpoint);
}
