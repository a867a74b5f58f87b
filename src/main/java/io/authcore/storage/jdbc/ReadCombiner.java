package io.authcore.storage.jdbc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Reads by key that arrive while another is on its way to the database are made together, in one
 * statement. The first caller reads at once; callers that come while it waits queue up, and when
 * its answer is in, the oldest of them reads for all that queued (up to {@code most}). No thread of
 * its own and no timer: under light load every read is a read of one, and under heavy load a round
 * trip serves many. Each read starts after its caller asked, so it sees every write committed
 * before that.
 */
final class ReadCombiner<K, V> {
  private final Function<List<K>, Map<K, V>> readMany;
  private final Function<K, V> readOne;
  private final int most;
  private final ArrayDeque<Waiter<K, V>> queue = new ArrayDeque<>();
  private boolean reading;

  /**
   * @param readOne the read of one key (null when absent)
   * @param readMany the read of several keys in one statement: the found ones, absent ones left out
   */
  ReadCombiner(Function<K, V> readOne, Function<List<K>, Map<K, V>> readMany, int most) {
    this.readOne = readOne;
    this.readMany = readMany;
    this.most = most;
  }

  /** The value for {@code key}, or null; what the read throws is thrown to every caller in it. */
  V read(K key) {
    Waiter<K, V> me = new Waiter<>(key);
    boolean lead;
    synchronized (queue) {
      queue.add(me);
      lead = !reading;
      reading = true;
    }
    if (!lead && !me.await()) {
      return me.result();
    }
    // Leading: this caller heads the queue, so it is in the batch it takes.
    List<Waiter<K, V>> batch = new ArrayList<>();
    synchronized (queue) {
      while (!queue.isEmpty() && batch.size() < most) {
        batch.add(queue.poll());
      }
    }
    try {
      if (batch.size() == 1) {
        me.complete(readOne.apply(key));
      } else {
        List<K> keys = new ArrayList<>(batch.size());
        batch.forEach(w -> keys.add(w.key));
        Map<K, V> found = readMany.apply(keys);
        batch.forEach(w -> w.complete(found.get(w.key)));
      }
    } catch (RuntimeException | Error e) {
      batch.forEach(w -> w.fail(e));
    } finally {
      synchronized (queue) {
        Waiter<K, V> next = queue.peek();
        if (next == null) {
          reading = false;
        } else {
          next.promote();
        }
      }
    }
    return me.result();
  }

  private static final class Waiter<K, V> {
    private static final int WAITING = 0;
    private static final int DONE = 1;
    private static final int LEADING = 2;

    final K key;
    private final Thread thread = Thread.currentThread();
    private volatile int state = WAITING;
    private V value;
    private Throwable failure;

    Waiter(K key) {
      this.key = key;
    }

    void complete(V v) {
      value = v;
      state = DONE;
      LockSupport.unpark(thread);
    }

    void fail(Throwable e) {
      failure = e;
      state = DONE;
      LockSupport.unpark(thread);
    }

    void promote() {
      state = LEADING;
      LockSupport.unpark(thread);
    }

    /** True when this caller is to read for the queue, false when its answer is in. */
    boolean await() {
      while (state == WAITING) {
        LockSupport.park(this);
      }
      if (state == LEADING) {
        state = WAITING;
        return true;
      }
      return false;
    }

    V result() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return value;
    }
  }
}
