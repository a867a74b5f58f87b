package io.authcore.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A flood of idle sockets (README, Security): the server under a descriptor limit ({@code prlimit
 * --nofile}, 20,000), in memory, with the default idle timeout (60 s); client JVMs open {@code
 * --idle-runs}' count of connections (19,900, then 21,000) and send nothing. Measured: the server's
 * open descriptors (/proc/pid/fd, sampled every 50 ms; the most seen), how long a fresh {@code GET
 * /hello} sent right after the flood takes to be answered, and whether the log says {@code Too many
 * open files}. Variants: {@code default} ({@code webserver_max_connections: 0}, the automatic cap)
 * and {@code uncapped} (a cap above the limit, as before the cap existed).
 */
final class IdleSockets {
  record Variant(
      String name,
      String maxConnections,
      long descriptorLimit,
      String cap,
      int sockets,
      int connected,
      int refusedOrFailed,
      double floodMs,
      int descriptorsBefore,
      int descriptorsMost,
      double rssMostMb,
      int helloStatus,
      double helloMs,
      int helloAfterStatus,
      int descriptorsAfter,
      long tooManyOpenFiles,
      String load) {}

  record Data(int idleTimeoutMs, int serverFdLimit, List<Variant> variants) {}

  private static final Pattern CAP = Pattern.compile("Accepting at most (\\d+) connections");

  private final Ops ops;

  IdleSockets(Ops ops) {
    this.ops = ops;
  }

  Ops.Section run() throws IOException {
    int limit = ops.o.integer("server-fd-limit", 20_000);
    int idleMs = ops.o.integer("idle-timeout-ms", 60_000);
    List<String> runs =
        ops.o.list("idle-runs", List.of("default:19900", "default:21000", "uncapped:21000"));
    List<Variant> variants = new ArrayList<>();
    for (String run : runs) {
      String[] parts = run.split(":");
      String name = parts[0];
      String max = name.equals("uncapped") ? "1000000" : "0";
      variants.add(variant(name, max, Integer.parseInt(parts[1]), limit, idleMs));
    }
    Data data = new Data(idleMs, limit, variants);
    return new Ops.Section("idle-sockets", setup(limit, idleMs), table(data), data);
  }

  /**
   * The sockets are held by client JVMs of their own, {@link #PER_CLIENT} each: a process here may
   * have 20,000 descriptors at most (no CAP_SYS_RESOURCE to raise the hard limit), which the flood
   * and the harness's own files would not fit in.
   */
  static final int PER_CLIENT = 8_000;

  /** {@code bench/run idle-client --port=P --sockets=N}: opens N idle connections, holds them. */
  static void client(Options o) throws IOException {
    List<SocketChannel> open = new ArrayList<>();
    int[] outcome = flood(o.integer("port", 0), o.integer("sockets", PER_CLIENT), open);
    System.out.println("flood: connected " + outcome[0] + " failed " + outcome[1]);
    System.out.flush();
    Child.sleep(Long.MAX_VALUE); // until the harness stops this process
  }

  private List<Child> startClients(int port, int sockets, java.nio.file.Path dir)
      throws IOException {
    String jar = Child.harnessJar().toString();
    List<Child> clients = new ArrayList<>();
    for (int i = 0, left = sockets; left > 0; i++, left -= PER_CLIENT) {
      clients.add(
          Child.start(
              "idle-client-" + i,
              Child.java(
                  List.of("-XX:+UseSerialGC", "-Xmx128m", "-cp", jar),
                  Main.class.getName(),
                  "idle-client",
                  "--port=" + port,
                  "--sockets=" + Math.min(left, PER_CLIENT)),
              dir,
              dir.resolve("idle-client-" + i + ".log"),
              java.util.Map.of()));
    }
    return clients;
  }

  /** {connected, failed} summed over the clients, once each has opened its share. */
  private static int[] awaitClients(List<Child> clients) throws IOException {
    int[] sum = new int[2];
    for (Child c : clients) {
      String[] words = c.awaitLine("flood: connected", 120_000).trim().split(" ");
      sum[0] += Integer.parseInt(words[2]);
      sum[1] += Integer.parseInt(words[4]);
    }
    return sum;
  }

  private Variant variant(String name, String maxConnections, int sockets, int limit, int idleMs)
      throws IOException {
    ops.line(
        "  "
            + name
            + ": webserver_max_connections "
            + maxConnections
            + ", "
            + sockets
            + " sockets");
    String load = Machine.loadAverage();
    try (AuthcoreServer server =
        AuthcoreServer.start(
            ops.jar,
            ops.flags,
            List.of(),
            Ops.cleanEnvironment(null),
            ops.raw.resolve("idle-" + name + "-" + sockets),
            "idle-" + name,
            "webserver_idle_timeout_ms: "
                + idleMs
                + "\nwebserver_max_connections: "
                + maxConnections
                + "\n",
            List.of("prlimit", "--nofile=" + limit + ":" + limit, "--"))) {
      long pid = server.child.pid();
      if (!Ops.awaitHello(server.port, 60_000)) {
        throw new IOException("/hello never answered; " + server.child.tail());
      }
      long serverLimit = Proc.openFilesLimit(pid);
      Matcher cap = CAP.matcher(Files.readString(server.child.log, StandardCharsets.UTF_8));
      int before = Proc.openDescriptors(pid);
      AtomicInteger most = new AtomicInteger(before);
      double[] rssMost = {0};
      Thread sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  most.accumulateAndGet(Proc.openDescriptors(pid), Math::max);
                  rssMost[0] = Math.max(rssMost[0], Proc.statusKb(pid, "VmRSS") / 1024.0);
                  try {
                    Thread.sleep(50);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "fd-sampler");
      sampler.start();
      int[] outcome;
      Probe.Answer hello;
      long floodStart = System.nanoTime();
      List<Child> clients =
          startClients(server.port, sockets, ops.raw.resolve("idle-" + name + "-" + sockets));
      double floodMs;
      try {
        outcome = awaitClients(clients);
        floodMs = (System.nanoTime() - floodStart) / 1e6;
        most.accumulateAndGet(Proc.openDescriptors(pid), Math::max); // listing 18,000 takes a while
        ops.line(
            String.format(
                Locale.ROOT,
                "    %d connected, %d failed after %.0f ms; server descriptors now %d (most %d)",
                outcome[0],
                outcome[1],
                floodMs,
                Proc.openDescriptors(pid),
                most.get()));
        // A fresh client while the idle sockets hold the server: answered once they time out.
        hello = Probe.hello(server.port, 120_000);
        ops.line(
            String.format(
                Locale.ROOT, "    fresh /hello: %d after %.0f ms", hello.status(), hello.ms()));
      } finally {
        clients.forEach(Child::close);
      }
      // The clients gone, the server sees each connection end; wait for it to close them all.
      long drained = System.currentTimeMillis() + 30_000;
      while (Proc.openDescriptors(pid) > before + 50 && System.currentTimeMillis() < drained) {
        Child.sleep(200);
      }
      Probe.Answer after = Probe.hello(server.port, 30_000);
      sampler.interrupt();
      try {
        sampler.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      long tooMany =
          Proc.count(
              Files.readAllLines(server.child.log, StandardCharsets.UTF_8), "Too many open files");
      return new Variant(
          name,
          maxConnections,
          serverLimit,
          cap.find() ? cap.group(1) : "?",
          sockets,
          outcome[0],
          outcome[1],
          floodMs,
          before,
          most.get(),
          rssMost[0],
          hello.status(),
          hello.ms(),
          after.status(),
          Proc.openDescriptors(pid),
          tooMany,
          load);
    }
  }

  /**
   * Opens {@code n} connections without blocking and waits (at most 2 s after the last was started:
   * those past the server's cap and its accept queue stay pending) for each to be connected or to
   * fail; sends nothing. Returns {connected, failed}; the channels are added to {@code open} for
   * the caller to close.
   */
  private static int[] flood(int port, int n, List<SocketChannel> open) throws IOException {
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
    int connected = 0;
    int failed = 0;
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < n; i++) {
        SocketChannel c = SocketChannel.open();
        open.add(c);
        c.configureBlocking(false);
        try {
          if (c.connect(address)) {
            connected++;
          } else {
            c.register(selector, SelectionKey.OP_CONNECT);
          }
        } catch (IOException e) {
          failed++;
        }
        if (i % 500 == 0) {
          int[] d = finish(selector, 0);
          connected += d[0];
          failed += d[1];
        }
      }
      long deadline = System.nanoTime() + 2_000_000_000L;
      while (!selector.keys().isEmpty() && System.nanoTime() < deadline) {
        int[] d = finish(selector, 100);
        connected += d[0];
        failed += d[1];
      }
    }
    return new int[] {connected, failed};
  }

  private static int[] finish(Selector selector, long waitMs) throws IOException {
    int connected = 0;
    int failed = 0;
    if ((waitMs == 0 ? selector.selectNow() : selector.select(waitMs)) > 0) {
      for (SelectionKey k : selector.selectedKeys()) {
        k.cancel();
        try {
          if (((SocketChannel) k.channel()).finishConnect()) {
            connected++;
          }
        } catch (IOException e) {
          failed++;
        }
      }
      selector.selectedKeys().clear();
    }
    selector.selectNow(); // flushes the cancelled keys
    return new int[] {connected, failed};
  }

  private static String setup(int limit, int idleMs) {
    return String.format(
        Locale.ROOT,
        "The server in memory, under `prlimit --nofile=%d:%d`, with `webserver_idle_timeout_ms: %d`"
            + " (60 s is the default) and `webserver_max_connections` as the variant"
            + " says: `0`, the default (a cap chosen from the descriptor limit and the heap), or"
            + " 1,000,000 (`uncapped`: no cap below the limit, as before the cap). Client JVMs"
            + " (8,000 sockets each) open as many TCP connections as the row says to it without blocking, send nothing"
            + " on them, and wait"
            + " up to 2 s after the last for them to connect (those past the cap and the accept"
            + " queue stay pending). The server's open descriptors are counted in"
            + " /proc/<pid>/fd every 50 ms (most: the highest count seen). Then a fresh `GET"
            + " /hello` on a new connection (how long until it is answered), the idle sockets"
            + " closed (the client JVMs stopped), and `/hello` again once the server has closed its ends. `Too many open files`: lines of"
            + " the server's log with it.",
        limit,
        limit,
        idleMs);
  }

  private static List<List<String>> table(Data d) {
    List<List<String>> t = new ArrayList<>();
    t.add(
        List.of(
            "variant",
            "sockets",
            "descriptor limit",
            "cap",
            "connected (in ms)",
            "server descriptors before / most / after",
            "RSS most MB",
            "fresh /hello",
            "/hello after",
            "`Too many open files`",
            "load"));
    for (Variant v : d.variants()) {
      t.add(
          List.of(
              v.name(),
              String.format(Locale.ROOT, "%,d", v.sockets()),
              String.format(Locale.ROOT, "%,d", v.descriptorLimit()),
              v.cap(),
              String.format(Locale.ROOT, "%,d (%,.0f)", v.connected(), v.floodMs()),
              String.format(
                  Locale.ROOT,
                  "%,d / %,d / %,d",
                  v.descriptorsBefore(),
                  v.descriptorsMost(),
                  v.descriptorsAfter()),
              String.format(Locale.ROOT, "%.0f", v.rssMostMb()),
              String.format(
                  Locale.ROOT,
                  "%s after %,.0f ms",
                  v.helloStatus() < 0 ? "no answer" : v.helloStatus(),
                  v.helloMs()),
              v.helloAfterStatus() < 0 ? "no answer" : String.valueOf(v.helloAfterStatus()),
              String.valueOf(v.tooManyOpenFiles()),
              v.load()));
    }
    return t;
  }
}
