package io.authcore.recipe;

import io.authcore.http.Endpoint;
import io.authcore.http.HttpError;
import io.authcore.limits.LimitReachedException;

/** An endpoint whose service may reach an abuse limit that has no business status: HTTP 429. */
public final class Limited {
  private Limited() {}

  public static Endpoint endpoint(Endpoint endpoint) {
    return call -> {
      try {
        return endpoint.handle(call);
      } catch (LimitReachedException e) {
        throw new HttpError(429, e.getMessage());
      }
    };
  }
}
