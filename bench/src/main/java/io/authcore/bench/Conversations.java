package io.authcore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The conversations of the scenarios, written against the original's request and response shapes
 * (original-transcripts.md A.5-A.22, CDI 5.4). A reply counts as a success only when it is HTTP 200
 * with {@code "status":"OK"} (or, for /hello, 200).
 */
final class Conversations {
  static final ObjectMapper JSON = new ObjectMapper();

  static final String HELLO = "/hello";
  static final String SESSION = "/public/recipe/session";
  static final String VERIFY = "/recipe/session/verify";
  static final String REFRESH = "/recipe/session/refresh";
  static final String REGENERATE = "/recipe/session/regenerate";
  static final String REMOVE = "/recipe/session/remove";
  static final String SIGNUP = "/public/recipe/signup";
  static final String SIGNIN = "/public/recipe/signin";
  static final String PASSWORD = "correct-horse-42";

  private Conversations() {}

  /** null if {@code response} is 200 {"status":"OK",...}; otherwise why not. */
  static String okStatus(ResponseParser.Response response) {
    if (response.status() != 200) {
      return "HTTP " + response.status();
    }
    String body = response.text();
    if (body.contains("\"status\":\"OK\"")) {
      return null;
    }
    JsonNode status = parse(body).path("status");
    return "status " + (status.isMissingNode() ? "missing" : status.asText());
  }

  static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException("not JSON", e);
    }
  }

  static String json(Map<String, ?> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String createBody(String userId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("userId", userId);
    body.putObject("userDataInJWT").put("role", "bench");
    body.putObject("userDataInDatabase");
    body.put("enableAntiCsrf", false);
    return body.toString();
  }

  static String verifyBody(String accessToken, boolean checkDatabase) {
    ObjectNode body = JSON.createObjectNode();
    body.put("accessToken", accessToken);
    body.put("doAntiCsrfCheck", false);
    body.put("enableAntiCsrf", false);
    body.put("checkDatabase", checkDatabase);
    return body.toString();
  }

  static String regenerateBody(String accessToken) {
    return json(Map.of("accessToken", accessToken, "userDataInJWT", Map.of("role", "reader")));
  }

  static String refreshBody(String refreshToken) {
    ObjectNode body = JSON.createObjectNode();
    body.put("refreshToken", refreshToken);
    body.put("enableAntiCsrf", false);
    body.put("useDynamicSigningKey", true);
    return body.toString();
  }

  static String credentials(String email) {
    ObjectNode body = JSON.createObjectNode();
    body.put("email", email);
    body.put("password", PASSWORD);
    return body.toString();
  }

  /** The tokens of one session as the SDK keeps them. */
  static final class Tokens {
    String access;
    String refresh;

    Tokens(String access, String refresh) {
      this.access = access;
      this.refresh = refresh;
    }

    /** From a create or refresh reply. */
    static Tokens of(JsonNode reply) {
      String access = reply.path("accessToken").path("token").asText(null);
      String refresh = reply.path("refreshToken").path("token").asText(null);
      if (access == null || refresh == null) {
        throw new IllegalStateException("reply without accessToken.token / refreshToken.token");
      }
      return new Tokens(access, refresh);
    }
  }

  /** The same request over and over. */
  static final class Repeat implements Conversation {
    private final Request request;

    Repeat(Request request) {
      this.request = request;
    }

    @Override
    public Request next(long now) {
      return request;
    }

    @Override
    public String accept(Request request, ResponseParser.Response response) {
      if (request.op().equals("hello")) {
        return response.status() == 200 ? null : "HTTP " + response.status();
      }
      return okStatus(response);
    }
  }

  /**
   * Refreshes one session again and again, always with the newest refresh token (its own rotation
   * chain); any reply but OK is an error, as every refresh of a live chain must succeed.
   */
  static final class RefreshChain implements Conversation {
    private final String host;
    private String refreshToken;
    private Request pending;

    RefreshChain(String host, String refreshToken) {
      this.host = host;
      this.refreshToken = refreshToken;
    }

    @Override
    public Request next(long now) {
      if (pending == null) {
        pending = Request.post("refresh", host, REFRESH, refreshBody(refreshToken));
      }
      return pending;
    }

    @Override
    public String accept(Request request, ResponseParser.Response response) {
      String problem = okStatus(response);
      if (problem == null) {
        refreshToken = Tokens.of(parse(response.text())).refresh;
        pending = null;
      }
      return problem;
    }
  }

  /**
   * Creates a session, then revokes it by its handle, and again: the "revoke" operation's figures
   * are the revocations, each of a live session.
   */
  static final class CreateRevoke implements Conversation {
    private final Request create;
    private final String host;
    private Request pending;

    CreateRevoke(String host, String userId) {
      this.host = host;
      this.create = Request.post("create", host, SESSION, createBody(userId));
    }

    @Override
    public Request next(long now) {
      return pending != null ? pending : create;
    }

    @Override
    public String accept(Request request, ResponseParser.Response response) {
      String problem = okStatus(response);
      if (request.op().equals("create")) {
        String handle =
            problem == null ? parse(response.text()).path("session").path("handle").asText() : "";
        pending =
            handle.isEmpty()
                ? null
                : Request.post(
                    "revoke", host, REMOVE, json(Map.of("sessionHandles", List.of(handle))));
        return problem != null ? problem : handle.isEmpty() ? "create without a handle" : null;
      }
      pending = null;
      if (problem == null && parse(response.text()).path("sessionHandlesRevoked").size() != 1) {
        return "revoked no session";
      }
      return problem;
    }
  }

  /** Signs up a new user with each request. */
  static final class SignUps implements Conversation {
    private final String host;
    private final String prefix;
    private long n;

    SignUps(String host, String prefix) {
      this.host = host;
      this.prefix = prefix;
    }

    @Override
    public Request next(long now) {
      return Request.post(
          "signup", host, SIGNUP, credentials(prefix + "-" + n++ + "@bench.example"));
    }

    @Override
    public String accept(Request request, ResponseParser.Response response) {
      return okStatus(response);
    }
  }

  /**
   * Sends another conversation's requests at a fixed rate: request k is due at start + k *
   * interval, and its latency counts from then, so a server that falls behind is not excused by the
   * client waiting for it (no coordinated omission).
   */
  static final class Paced implements Conversation {
    private final Conversation inner;
    private final long intervalNanos;
    private final long phaseNanos;
    private long nextDue = -1;
    private Request pending;

    /** {@code phase} in [0, 1) offsets this connection's schedule from the others'. */
    Paced(Conversation inner, double perSecond, double phase) {
      this.inner = inner;
      this.intervalNanos = (long) (1e9 / perSecond);
      this.phaseNanos = (long) (phase * intervalNanos);
    }

    /** Starts a fresh schedule with the next request (a new load run). */
    void restart() {
      nextDue = -1;
      pending = null;
    }

    @Override
    public Request next(long now) {
      if (nextDue < 0) {
        nextDue = now + phaseNanos;
      }
      if (pending == null) {
        pending = inner.next(now).due(nextDue);
      }
      return pending;
    }

    @Override
    public String accept(Request request, ResponseParser.Response response) {
      String problem = inner.accept(request, response);
      pending = null;
      nextDue += intervalNanos;
      return problem;
    }
  }

  /**
   * One user of a realistic mix: mostly verifies its access token, sometimes refreshes (then takes
   * the new pair), creates a new session, signs in or, rarely, a new user signs up. A verify reply
   * that carries a new access token (the promotion after a refresh) replaces the old one, as the
   * SDK does.
   */
  static final class Mix implements Conversation {
    private final String host;
    private final String email;
    private final String userId;
    private final String signupPrefix;
    private final String[] ops;
    private final double[] cumulative;
    private final SplittableRandom random;
    private Tokens tokens;
    private long signups;

    Mix(
        String host,
        String email,
        String userId,
        Tokens tokens,
        String signupPrefix,
        Map<String, Double> weights,
        long seed) {
      this.host = host;
      this.email = email;
      this.userId = userId;
      this.tokens = tokens;
      this.signupPrefix = signupPrefix;
      this.random = new SplittableRandom(seed);
      ops = weights.keySet().toArray(new String[0]);
      cumulative = new double[ops.length];
      double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
      double sum = 0;
      for (int i = 0; i < ops.length; i++) {
        sum += weights.get(ops[i]) / total;
        cumulative[i] = sum;
      }
    }

    @Override
    public Request next(long now) {
      double r = random.nextDouble();
      String op = ops[ops.length - 1];
      for (int i = 0; i < ops.length; i++) {
        if (r < cumulative[i]) {
          op = ops[i];
          break;
        }
      }
      return switch (op) {
        case "verify" -> Request.post(op, host, VERIFY, verifyBody(tokens.access, false));
        case "verify-db" -> Request.post(op, host, VERIFY, verifyBody(tokens.access, true));
        case "refresh" -> Request.post(op, host, REFRESH, refreshBody(tokens.refresh));
        case "create" -> Request.post(op, host, SESSION, createBody(userId));
        case "signin" -> Request.post(op, host, SIGNIN, credentials(email));
        case "signup" ->
            Request.post(
                op, host, SIGNUP, credentials(signupPrefix + "-" + signups++ + "@bench.example"));
        default -> throw new IllegalArgumentException("unknown mix operation " + op);
      };
    }

    @Override
    public String accept(Request request, ResponseParser.Response response) {
      String problem = okStatus(response);
      if (problem != null) {
        return problem;
      }
      switch (request.op()) {
        case "refresh", "create" -> tokens = Tokens.of(parse(response.text()));
        case "verify", "verify-db" -> {
          String body = response.text();
          if (body.contains("\"accessToken\"")) {
            String fresh = parse(body).path("accessToken").path("token").asText(null);
            if (fresh != null) {
              tokens.access = fresh;
            }
          }
        }
        default -> {
          // sign in / sign up: nothing to keep
        }
      }
      return null;
    }
  }
}
