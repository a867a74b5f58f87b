package io.authcore.http;

import io.authcore.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * (path, method, rid) to route. The original's paths are all static, so this is a map lookup; only
 * {@code /recipe/user} is shared by recipes and told apart by the {@code rid} header.
 */
final class Router {
  /** path -> method -> rid ("" for the default) -> route */
  private final Map<String, Map<String, Map<String, Route>>> routes = new HashMap<>();

  private final Set<String> slowPaths = new HashSet<>();
  private final Map<String, BooleanSupplier> inlinePaths = new HashMap<>();
  private final List<RequestObserver> observers = new ArrayList<>();
  private final List<RequestObserver> timers = new ArrayList<>();

  static Router of(List<? extends Api> apis) {
    List<Route> registered = new ArrayList<>();
    Routes registrar =
        new Routes() {
          @Override
          public Route get(String path, Endpoint endpoint) {
            return add("GET", path, endpoint);
          }

          @Override
          public Route post(String path, Endpoint endpoint) {
            return add("POST", path, endpoint);
          }

          @Override
          public Route put(String path, Endpoint endpoint) {
            return add("PUT", path, endpoint);
          }

          @Override
          public Route delete(String path, Endpoint endpoint) {
            return add("DELETE", path, endpoint);
          }

          private Route add(String method, String path, Endpoint endpoint) {
            if (!path.equals(path.toLowerCase(Locale.ROOT)) || !path.startsWith("/")) {
              throw new IllegalArgumentException(
                  "route paths are lower case and absolute: " + path);
            }
            Route route = new Route(method, path, endpoint);
            registered.add(route);
            return route;
          }
        };
    apis.forEach(api -> api.routes(registrar));
    Router router = new Router();
    for (Api api : apis) {
      if (api instanceof RequestObserver observer) {
        router.observers.add(observer);
        if (overridesCompleted(observer)) {
          router.timers.add(observer);
        }
      }
    }
    for (Route route : registered) {
      Map<String, Route> byRid =
          router
              .routes
              .computeIfAbsent(route.path, p -> new HashMap<>())
              .computeIfAbsent(route.method, m -> new HashMap<>());
      if (route.slow) {
        router.slowPaths.add(route.path);
      }
      if (route.inlineWhen != null) {
        router.inlinePaths.put(route.path, route.inlineWhen);
      }
      if (byRid.put(route.rid, route) != null) {
        throw new IllegalStateException(
            "route registered twice: " + route.method + " " + route.path);
      }
    }
    return router;
  }

  boolean hasPath(String path) {
    return routes.containsKey(path);
  }

  /** The route for a known path and this method, or null when the path has none (a 405). */
  Route find(String path, String method, String rid) {
    Map<String, Route> byRid = routes.get(path).get(method);
    if (byRid == null) {
      return null;
    }
    Route route = rid == null ? null : byRid.get(rid);
    return route != null ? route : byRid.get("");
  }

  /** The inline condition of a known path, or null when it always leaves the I/O thread. */
  BooleanSupplier inlineWhen(String path) {
    return inlinePaths.get(path);
  }

  /** Whether any method of this known path is registered as slow. */
  boolean isSlow(String path) {
    return slowPaths.contains(path);
  }

  /** Tells the observers that a request to this tenant was answered. */
  void answered(TenantId tenant) {
    for (RequestObserver observer : observers) {
      observer.answered(tenant);
    }
  }

  /** Whether any observer wants {@link #completed}: requests are timed only then. */
  boolean timesRequests() {
    return !timers.isEmpty();
  }

  /** Tells the observers that want it that a request's answer has been sent. */
  void completed(TenantId tenant, String route, String method, int status, long nanos) {
    for (RequestObserver observer : timers) {
      observer.completed(tenant, route, method, status, nanos);
    }
  }

  private static boolean overridesCompleted(RequestObserver observer) {
    try {
      return observer
              .getClass()
              .getMethod(
                  "completed", TenantId.class, String.class, String.class, int.class, long.class)
              .getDeclaringClass()
          != RequestObserver.class;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Any route of a known path: its checks apply before the method is looked at. */
  Route anyRoute(String path) {
    return routes.get(path).values().iterator().next().values().iterator().next();
  }
}
