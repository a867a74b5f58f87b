package io.authcore.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** The load scenarios of issue 7, each against one running server. */
final class Scenarios {
  private Scenarios() {}

  /** An endpoint a scenario needs; a 404 from it means "not built yet": the scenario is skipped. */
  record Endpoint(String method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  interface Runner {
    /** The measured phases, by name ("main" for a plain scenario). */
    Map<String, LoadResult> run(Context ctx) throws Exception;
  }

  record Scenario(
      String name, String what, int defaultConns, List<Endpoint> needs, Runner runner) {}

  /** What a scenario runs against and with. */
  static final class Context {
    final InetSocketAddress address;
    final String host;
    final Setup setup;
    final int conns;
    final int clientThreads;
    final double warmup;
    final double measure;
    final String prefix;
    final Options options;
    final long serverPid;
    final LongSupplier databaseTicks; // Machine.NO_TICKS: no database server
    final boolean wrk;

    Context(
        InetSocketAddress address,
        long serverPid,
        LongSupplier databaseTicks,
        boolean wrk,
        int conns,
        int clientThreads,
        double warmup,
        double measure,
        String prefix,
        Options options) {
      this.address = address;
      this.serverPid = serverPid;
      this.databaseTicks = databaseTicks;
      this.wrk = wrk;
      this.host = address.getHostString() + ":" + address.getPort();
      this.setup = new Setup(address.getHostString(), address.getPort());
      this.conns = conns;
      this.clientThreads = clientThreads;
      this.warmup = warmup;
      this.measure = measure;
      this.prefix = prefix;
      this.options = options;
    }

    LoadResult load(List<? extends Conversation> conversations) {
      return LoadClient.run(
          address, conversations, clientThreads, warmup, measure, 10, serverPid, databaseTicks);
    }

    Map<String, LoadResult> main(List<? extends Conversation> conversations) {
      Map<String, LoadResult> phases = new LinkedHashMap<>();
      phases.put("main", load(conversations));
      return phases;
    }

    /**
     * The main phase driven by wrk: a GET, or a POST of {@code json} when it is not null, on at
     * most {@code maxThreads} wrk threads.
     */
    Map<String, LoadResult> viaWrk(String op, String path, String json, int maxThreads)
        throws IOException {
      Map<String, LoadResult> phases = new LinkedHashMap<>();
      phases.put(
          "main",
          Wrk.run(
              op,
              address.getPort(),
              path,
              json,
              conns,
              Math.min(maxThreads, clientThreads),
              warmup,
              measure,
              serverPid,
              databaseTicks));
      return phases;
    }
  }

  static final Endpoint HELLO = new Endpoint("GET", Conversations.HELLO);
  static final Endpoint CREATE = new Endpoint("POST", Conversations.SESSION);
  static final Endpoint VERIFY = new Endpoint("POST", Conversations.VERIFY);
  static final Endpoint REFRESH = new Endpoint("POST", Conversations.REFRESH);
  static final Endpoint REGENERATE = new Endpoint("POST", Conversations.REGENERATE);
  static final Endpoint REMOVE = new Endpoint("POST", Conversations.REMOVE);
  static final Endpoint SIGNUP = new Endpoint("POST", Conversations.SIGNUP);
  static final Endpoint SIGNIN = new Endpoint("POST", Conversations.SIGNIN);
  static final Endpoint PASSWORDLESS = new Endpoint("POST", PasswordlessSignUps.CODE);
  static final Endpoint BULK_IMPORT = new Endpoint("POST", BulkImport.USERS);

  static final Map<String, Double> DEFAULT_MIX = new LinkedHashMap<>();

  static {
    // An auth core's day: most calls check an access token, a few refresh it, few sign in.
    DEFAULT_MIX.put("verify", 80.0);
    DEFAULT_MIX.put("verify-db", 5.0);
    DEFAULT_MIX.put("refresh", 10.0);
    DEFAULT_MIX.put("create", 3.0);
    DEFAULT_MIX.put("signin", 1.5);
    DEFAULT_MIX.put("signup", 0.5);
  }

  static List<Scenario> all() {
    List<Scenario> list = new ArrayList<>();
    list.add(
        new Scenario(
            "hello",
            "GET /hello",
            64,
            List.of(HELLO),
            ctx -> {
              if (ctx.wrk) {
                return ctx.viaWrk("hello", HELLO.path(), null, ctx.clientThreads);
              }
              List<Conversation> c = new ArrayList<>();
              for (int i = 0; i < ctx.conns; i++) {
                c.add(new Conversations.Repeat(Request.get("hello", ctx.host, HELLO.path())));
              }
              return ctx.main(c);
            }));
    list.add(
        new Scenario(
            "create",
            "POST /public/recipe/session (new session, dynamic key)",
            16,
            List.of(CREATE),
            ctx -> {
              List<Conversation> c = new ArrayList<>();
              for (int i = 0; i < ctx.conns; i++) {
                c.add(
                    new Conversations.Repeat(
                        Request.post(
                            "create",
                            ctx.host,
                            CREATE.path(),
                            Conversations.createBody(ctx.prefix + "-user-" + i))));
              }
              return ctx.main(c);
            }));
    list.add(verify("verify", false));
    list.add(verify("verify-db", true));
    list.add(
        new Scenario(
            "refresh",
            "POST /recipe/session/refresh, each connection along its own rotation chain",
            16,
            List.of(CREATE, REFRESH),
            ctx -> {
              List<Conversation> c = new ArrayList<>();
              for (int i = 0; i < ctx.conns; i++) {
                Conversations.Tokens t = ctx.setup.createSession(ctx.prefix + "-user-" + i);
                c.add(new Conversations.RefreshChain(ctx.host, t.refresh));
              }
              return ctx.main(c);
            }));
    list.add(
        new Scenario(
            "regenerate",
            "POST /recipe/session/regenerate, new claims for one session per connection",
            16,
            List.of(CREATE, REGENERATE),
            ctx -> {
              List<Conversation> c = new ArrayList<>();
              for (int i = 0; i < ctx.conns; i++) {
                String token = ctx.setup.createSession(ctx.prefix + "-user-" + i).access;
                c.add(
                    new Conversations.Repeat(
                        Request.post(
                            "regenerate",
                            ctx.host,
                            REGENERATE.path(),
                            Conversations.regenerateBody(token))));
              }
              return ctx.main(c);
            }));
    list.add(
        new Scenario(
            "revoke",
            "POST /recipe/session/remove by handle, each connection revoking the session it"
                + " just created (op revoke)",
            16,
            List.of(CREATE, REMOVE),
            ctx -> {
              List<Conversation> c = new ArrayList<>();
              for (int i = 0; i < ctx.conns; i++) {
                c.add(new Conversations.CreateRevoke(ctx.host, ctx.prefix + "-user-" + i));
              }
              return ctx.main(c);
            }));
    list.add(
        new Scenario(
            "signup",
            "POST /public/recipe/signup, a new email each time",
            4,
            List.of(SIGNUP),
            ctx -> {
              List<Conversation> c = new ArrayList<>();
              for (int i = 0; i < ctx.conns; i++) {
                c.add(new Conversations.SignUps(ctx.host, ctx.prefix + "-" + i));
              }
              return ctx.main(c);
            }));
    list.add(
        new Scenario(
            "passwordless",
            "POST /public/recipe/signinup/code, then .../code/consume: a new email each time",
            4,
            List.of(PASSWORDLESS),
            ctx -> {
              List<Conversation> c = new ArrayList<>();
              for (int i = 0; i < ctx.conns; i++) {
                c.add(new PasswordlessSignUps(ctx.host, ctx.prefix + "-pl-" + i));
              }
              return ctx.main(c);
            }));
    list.add(
        new Scenario(
            "signin",
            "POST /public/recipe/signin, right password",
            4,
            List.of(SIGNUP, SIGNIN),
            ctx -> {
              List<Conversation> c = new ArrayList<>();
              for (int i = 0; i < ctx.conns; i++) {
                String email = ctx.prefix + "-" + i + "@bench.example";
                ctx.setup.signUp(email);
                c.add(
                    new Conversations.Repeat(
                        Request.post(
                            "signin", ctx.host, SIGNIN.path(), Conversations.credentials(email))));
              }
              return ctx.main(c);
            }));
    list.add(
        new Scenario(
            "mix",
            "realistic mix (weights: --mix)",
            16,
            List.of(CREATE, VERIFY, REFRESH, SIGNUP, SIGNIN),
            ctx -> {
              Map<String, Double> weights = ctx.options.weights("mix", DEFAULT_MIX);
              List<Conversation> c = new ArrayList<>();
              for (int i = 0; i < ctx.conns; i++) {
                String email = ctx.prefix + "-" + i + "@bench.example";
                String userId = ctx.setup.signUp(email);
                Conversations.Tokens t = ctx.setup.createSession(userId);
                c.add(
                    new Conversations.Mix(
                        ctx.host, email, userId, t, ctx.prefix + "-new-" + i, weights, 7919L * i));
              }
              return ctx.main(c);
            }));
    list.add(
        new Scenario(
            "flood",
            "verify and refresh at a fixed rate, alone, then during a sign-in flood",
            8,
            List.of(CREATE, VERIFY, REFRESH, SIGNUP, SIGNIN),
            Scenarios::flood));
    list.add(
        new Scenario(
            "busy",
            "session calls as fast as they go, alone, then with sign-ins at a fixed rate",
            16,
            List.of(CREATE, VERIFY, REFRESH, SIGNUP, SIGNIN),
            Scenarios::busy));
    list.add(
        new Scenario(
            "burst",
            "sign-ins all at once (--burst-signins, 500), each retrying 429 as supertokens-node",
            1,
            List.of(SIGNUP, SIGNIN),
            ctx -> {
              String email = ctx.prefix + "-burst@bench.example";
              ctx.setup.signUp(email);
              int count = ctx.options.integer("burst-signins", 500);
              Map<String, LoadResult> phases = new LinkedHashMap<>();
              phases.put("main", Burst.run(ctx.host, email, count));
              return phases;
            }));
    list.add(
        new Scenario(
            "bulkimport",
            "--bulk-users (100,000) bcrypt-hash users queued 10,000 a request, then imported",
            1,
            List.of(BULK_IMPORT),
            BulkImport::run));
    return list;
  }

  private static Scenario verify(String name, boolean checkDatabase) {
    return new Scenario(
        name,
        "POST /recipe/session/verify, checkDatabase " + checkDatabase,
        64,
        List.of(CREATE, VERIFY),
        ctx -> {
          List<Conversation> c = new ArrayList<>();
          if (ctx.wrk) { // one session for all connections: verify work does not depend on which
            String token = ctx.setup.createSession(ctx.prefix + "-user-0").access;
            // One wrk thread keeps 64 connections busy at verify's rates, for a third less CPU
            // than two (measured: 32 % of a core at 36k req/s, against 45 % for two threads).
            return ctx.viaWrk(
                name, VERIFY.path(), Conversations.verifyBody(token, checkDatabase), 1);
          }
          // A few sessions shared by all connections: verify work does not depend on which.
          List<String> tokens = new ArrayList<>();
          for (int i = 0; i < Math.min(ctx.conns, 8); i++) {
            tokens.add(ctx.setup.createSession(ctx.prefix + "-user-" + i).access);
          }
          for (int i = 0; i < ctx.conns; i++) {
            c.add(
                new Conversations.Repeat(
                    Request.post(
                        name,
                        ctx.host,
                        VERIFY.path(),
                        Conversations.verifyBody(tokens.get(i % tokens.size()), checkDatabase))));
          }
          return ctx.main(c);
        });
  }

  /** The session calls of issue 16's mix (its 2 % of sign-ins come paced, see {@link #busy}). */
  static final Map<String, Double> BUSY_SESSIONS =
      Map.of("verify-db", 70.0, "refresh", 20.0, "create", 8.0);

  /**
   * A busy server and a few users signing in: phase "alone" is {@code conns} connections of session
   * calls in a closed loop (verify with checkDatabase 70, refresh 20, create 8), which keeps every
   * core busy; phase "busy" adds sign-ins at {@code --busy-signin-rate} (2/s) over two connections.
   * The sign-in p99 tells whether a sign-in waits behind session work; the session p99 of both
   * phases what the sign-ins cost the session calls. Paced rather than a closed-loop share of
   * requests: in a closed loop, the faster the session calls, the more sign-ins arrive, and past
   * the hashing capacity the sign-in latency only measures that capacity.
   */
  private static Map<String, LoadResult> busy(Context ctx) throws Exception {
    double signinRate = ctx.options.decimal("busy-signin-rate", 2);
    int signinConns = 2;
    List<Conversation> sessions = new ArrayList<>();
    for (int i = 0; i < ctx.conns; i++) {
      String userId = ctx.prefix + "-b-" + i;
      Conversations.Tokens t = ctx.setup.createSession(userId);
      sessions.add(
          new Conversations.Mix(ctx.host, "unused", userId, t, "unused", BUSY_SESSIONS, 7919L * i));
    }
    List<Conversations.Paced> signins = new ArrayList<>();
    for (int i = 0; i < signinConns; i++) {
      String email = ctx.prefix + "-s-" + i + "@bench.example";
      ctx.setup.signUp(email);
      signins.add(
          new Conversations.Paced(
              new Conversations.Repeat(
                  Request.post(
                      "signin", ctx.host, SIGNIN.path(), Conversations.credentials(email))),
              signinRate / signinConns,
              (double) i / signinConns));
    }
    Map<String, LoadResult> phases = new LinkedHashMap<>();
    phases.put("alone", ctx.load(sessions));
    List<Conversation> both = new ArrayList<>(sessions);
    both.addAll(signins);
    phases.put("busy", ctx.load(both));
    return phases;
  }

  /**
   * Phase "baseline": verify (checkDatabase false) and refresh at fixed rates; phase "flood": the
   * same plus {@code conns} connections signing in as fast as they can. The p99 of verify and of
   * refresh in both phases tells whether password hashing starves the cheap calls.
   */
  private static Map<String, LoadResult> flood(Context ctx) throws Exception {
    double verifyRate = ctx.options.decimal("flood-verify-rate", 2000);
    double refreshRate = ctx.options.decimal("flood-refresh-rate", 100);
    int verifyConns = ctx.options.integer("flood-verify-conns", 4);
    int refreshConns = ctx.options.integer("flood-refresh-conns", 2);
    List<Conversations.Paced> paced = new ArrayList<>();
    for (int i = 0; i < verifyConns; i++) {
      String access = ctx.setup.createSession(ctx.prefix + "-v-" + i).access;
      paced.add(
          new Conversations.Paced(
              new Conversations.Repeat(
                  Request.post(
                      "verify", ctx.host, VERIFY.path(), Conversations.verifyBody(access, false))),
              verifyRate / verifyConns,
              (double) i / verifyConns));
    }
    for (int i = 0; i < refreshConns; i++) {
      String refresh = ctx.setup.createSession(ctx.prefix + "-r-" + i).refresh;
      paced.add(
          new Conversations.Paced(
              new Conversations.RefreshChain(ctx.host, refresh),
              refreshRate / refreshConns,
              (double) i / refreshConns));
    }
    List<Conversation> flood = new ArrayList<>();
    for (int i = 0; i < ctx.conns; i++) {
      String email = ctx.prefix + "-f-" + i + "@bench.example";
      ctx.setup.signUp(email);
      flood.add(
          new Conversations.Repeat(
              Request.post("signin", ctx.host, SIGNIN.path(), Conversations.credentials(email))));
    }
    Map<String, LoadResult> phases = new LinkedHashMap<>();
    phases.put("baseline", ctx.load(paced));
    paced.forEach(Conversations.Paced::restart);
    List<Conversation> both = new ArrayList<>(paced);
    both.addAll(flood);
    phases.put("flood", ctx.load(both));
    return phases;
  }
}
