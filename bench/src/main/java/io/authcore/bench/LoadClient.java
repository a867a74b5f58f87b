package io.authcore.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A closed-loop HTTP/1.1 load generator: every conversation owns one keep-alive connection and
 * sends its next request as soon as the previous response is in (or when a paced request falls
 * due). A few selector threads serve all connections, as wrk does, so the client takes as little of
 * the shared CPU as it can. Only responses that complete inside the measure window are counted.
 */
final class LoadClient {
  private static final long RECONNECT_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private LoadClient() {}

  /**
   * Runs all conversations: a warm-up, then the measure window, then up to {@code drain} for the
   * requests still in flight (their responses still reach the conversations, so a refresh chain
   * stays coherent, but are not counted).
   */
  static LoadResult run(
      InetSocketAddress address,
      List<? extends Conversation> conversations,
      int threads,
      double warmupSeconds,
      double measureSeconds,
      double drainSeconds,
      long serverPid,
      LongSupplier databaseTicks) {
    long t0 = System.nanoTime();
    long measureStart = t0 + (long) (warmupSeconds * 1e9);
    long measureEnd = measureStart + (long) (measureSeconds * 1e9);
    long drainEnd = measureEnd + (long) (drainSeconds * 1e9);
    int n = Math.max(1, Math.min(threads, conversations.size()));
    List<Worker> workers = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      List<Conversation> mine = new ArrayList<>();
      for (int i = t; i < conversations.size(); i += n) {
        mine.add(conversations.get(i));
      }
      workers.add(new Worker(address, mine, measureStart, measureEnd, drainEnd));
    }
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < workers.size(); t++) {
      Thread thread = new Thread(workers.get(t), "load-" + t);
      thread.setDaemon(true);
      thread.start();
      running.add(thread);
    }
    // CPU used by the server and by this client during the window: where the time goes.
    long self = ProcessHandle.current().pid();
    sleepUntil(measureStart);
    long server0 = Machine.cpuTicks(serverPid);
    long client0 = Machine.cpuTicks(self);
    long database0 = databaseTicks.getAsLong();
    sleepUntil(measureEnd);
    long server1 = Machine.cpuTicks(serverPid);
    long client1 = Machine.cpuTicks(self);
    long database1 = databaseTicks.getAsLong();
    double serverCpu =
        server0 < 0 || server1 < 0 ? -1 : Machine.percentOfCore(server1 - server0, measureSeconds);
    double clientCpu = Machine.percentOfCore(client1 - client0, measureSeconds);
    double databaseCpu =
        database0 < 0 ? -1 : Machine.percentOfCore(database1 - database0, measureSeconds);
    for (Thread thread : running) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    Map<String, OpStats> merged = new LinkedHashMap<>();
    for (Worker w : workers) {
      if (w.failure != null) {
        throw new IllegalStateException("load thread failed: " + w.failure, w.failure);
      }
      w.stats.forEach((op, s) -> merged.computeIfAbsent(op, OpStats::new).merge(s));
    }
    return new LoadResult(measureSeconds, merged, serverCpu, clientCpu, databaseCpu);
  }

  private static void sleepUntil(long nanoTime) {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      Child.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
    }
  }

  /** Counts of one operation: completions, errors, latencies (ns) in the window. */
  static final class OpStats {
    final String op;
    long count;
    long errors;
    long warmupErrors;
    final LongList latencies = new LongList();
    final Map<String, Integer> reasons = new LinkedHashMap<>();

    OpStats(String op) {
      this.op = op;
    }

    void error(String reason, boolean inWindow) {
      if (inWindow) {
        errors++;
      } else {
        warmupErrors++;
      }
      if (reasons.size() < 8 || reasons.containsKey(reason)) {
        reasons.merge(reason, 1, Integer::sum);
      }
    }

    void merge(OpStats other) {
      count += other.count;
      errors += other.errors;
      warmupErrors += other.warmupErrors;
      latencies.addAll(other.latencies);
      other.reasons.forEach(
          (r, c) -> {
            if (reasons.size() < 8 || reasons.containsKey(r)) {
              reasons.merge(r, c, Integer::sum);
            }
          });
    }
  }

  private static final class Conn {
    final Conversation conversation;
    final ResponseParser parser = new ResponseParser();
    SocketChannel channel;
    SelectionKey key;
    Request current;
    ByteBuffer out;
    long startNanos;
    long waitUntil;
    boolean connected;

    Conn(Conversation conversation) {
      this.conversation = conversation;
    }
  }

  private static final class Worker implements Runnable {
    private final InetSocketAddress address;
    private final List<Conn> conns = new ArrayList<>();
    private final List<Conn> waiting = new ArrayList<>();
    private final long measureStart;
    private final long measureEnd;
    private final long drainEnd;
    private final Map<String, OpStats> stats = new LinkedHashMap<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private Selector selector;
    private int inFlight;
    private volatile Throwable failure;

    Worker(
        InetSocketAddress address,
        List<Conversation> conversations,
        long measureStart,
        long measureEnd,
        long drainEnd) {
      this.address = address;
      conversations.forEach(c -> conns.add(new Conn(c)));
      this.measureStart = measureStart;
      this.measureEnd = measureEnd;
      this.drainEnd = drainEnd;
    }

    @Override
    public void run() {
      try (Selector s = Selector.open()) {
        selector = s;
        for (Conn c : conns) {
          connect(c);
        }
        loop();
      } catch (Throwable t) {
        failure = t;
      } finally {
        for (Conn c : conns) {
          closeQuietly(c);
        }
      }
    }

    private void loop() throws IOException {
      while (true) {
        long now = System.nanoTime();
        boolean stopping = now >= measureEnd;
        if (stopping && (inFlight == 0 || now >= drainEnd)) {
          return;
        }
        long wait = (stopping ? drainEnd : measureEnd) - now;
        if (!waiting.isEmpty()) {
          for (int i = waiting.size() - 1; i >= 0; i--) {
            Conn c = waiting.get(i);
            if (now >= c.waitUntil) {
              waiting.remove(i);
              if (!stopping) {
                resume(c, now);
              }
            } else {
              wait = Math.min(wait, c.waitUntil - now);
            }
          }
        }
        long waitMs = Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(wait)));
        int ready = selector.select(waitMs);
        if (ready == 0) {
          continue;
        }
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          Conn c = (Conn) key.attachment();
          if (!key.isValid()) {
            continue;
          }
          try {
            if (key.isConnectable()) {
              c.channel.finishConnect();
              c.connected = true;
              key.interestOps(0);
              resume(c, System.nanoTime());
            } else if (key.isWritable()) {
              write(c);
            } else if (key.isReadable()) {
              read(c);
            }
          } catch (IOException | RuntimeException e) {
            broken(c, e);
          }
        }
      }
    }

    /** A connection is idle (or just reconnected): resend its pending request or ask for one. */
    private void resume(Conn c, long now) throws IOException {
      if (now >= measureEnd) {
        return;
      }
      if (c.channel == null) {
        connect(c);
        return;
      }
      if (!c.connected) {
        return;
      }
      if (c.current == null) {
        Request next = c.conversation.next(now);
        if (next == null) {
          return; // this conversation has nothing more to say
        }
        c.current = next;
        if (next.dueNanos() > now) {
          c.waitUntil = next.dueNanos();
          waiting.add(c);
          return;
        }
      }
      c.startNanos = c.current.dueNanos() > 0 ? c.current.dueNanos() : now;
      c.out = ByteBuffer.wrap(c.current.bytes());
      inFlight++;
      write(c);
    }

    private void write(Conn c) throws IOException {
      c.channel.write(c.out);
      c.key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void read(Conn c) throws IOException {
      readBuffer.clear();
      int n = c.channel.read(readBuffer);
      if (n < 0) {
        throw new IOException("connection closed by the server");
      }
      readBuffer.flip();
      byte[] room = c.parser.room(n);
      readBuffer.get(room, c.parser.length(), n);
      c.parser.added(n);
      ResponseParser.Response response = c.parser.take();
      if (response == null) {
        return;
      }
      long end = System.nanoTime();
      Request request = c.current;
      c.current = null;
      c.out = null;
      inFlight--;
      boolean inWindow = end >= measureStart && end < measureEnd;
      OpStats s = stats.computeIfAbsent(request.op(), OpStats::new);
      String problem;
      try {
        problem = c.conversation.accept(request, response);
      } catch (RuntimeException e) {
        problem = "unreadable response: " + e.getClass().getSimpleName();
      }
      if (problem != null) {
        s.error(problem, inWindow);
      } else if (inWindow) {
        s.count++;
      }
      if (inWindow) {
        s.latencies.add(end - c.startNanos);
      }
      c.key.interestOps(0);
      if (response.close()) {
        closeQuietly(c);
        connect(c);
      } else {
        resume(c, end);
      }
    }

    private void broken(Conn c, Exception e) {
      long now = System.nanoTime();
      if (c.current != null && c.out != null) {
        // The request was sent (at least in part) and no response came: an error. It is sent
        // again on the new connection; every conversation here tolerates a repeat.
        inFlight--;
        stats
            .computeIfAbsent(c.current.op(), OpStats::new)
            .error("connection: " + e.getMessage(), now >= measureStart && now < measureEnd);
        c.out = null;
      }
      closeQuietly(c);
      c.waitUntil = now + RECONNECT_BACKOFF_NANOS;
      waiting.add(c);
    }

    private void connect(Conn c) throws IOException {
      SocketChannel ch = SocketChannel.open();
      ch.configureBlocking(false);
      ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
      c.channel = ch;
      c.parser.reset();
      c.connected = ch.connect(address);
      c.key = ch.register(selector, c.connected ? 0 : SelectionKey.OP_CONNECT, c);
      if (c.connected) {
        resume(c, System.nanoTime());
      }
    }

    private static void closeQuietly(Conn c) {
      if (c.channel != null) {
        try {
          c.channel.close();
        } catch (IOException ignored) {
          // closing a broken socket
        }
      }
      c.channel = null;
      c.key = null;
      c.connected = false;
    }
  }
}
