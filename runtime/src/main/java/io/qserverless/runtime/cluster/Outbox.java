package io.qserverless.runtime.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The messages waiting to go to one member: {@link #add} queues an item and, if no send is pending,
 * asks the sender thread for one; that send takes every item queued by then. So items batch by
 * themselves under load (while one batch is encoded and sent, the next fills) and go at once when
 * the cluster is quiet: no timer, no added latency.
 *
 * <p>Thread-safe.
 */
final class Outbox {
  /**
   * Bounds one envelope (and so one allocation on the receiver) to a few megabytes of typical
   * tasks.
   */
  static final int MAX_BATCH = 4096;

  private final Executor sender;
  private final Consumer<List<Item>> send;
  private List<Item> queued = new ArrayList<>();
  private boolean sendPending;

  Outbox(Executor sender, Consumer<List<Item>> send) {
    this.sender = sender;
    this.send = send;
  }

  void add(Item item) {
    boolean ask;
    synchronized (this) {
      queued.add(item);
      ask = !sendPending;
      sendPending = true;
    }
    if (ask) {
      sender.execute(this::flush);
    }
  }

  private void flush() {
    List<Item> batch;
    synchronized (this) {
      batch = queued;
      queued = new ArrayList<>();
      sendPending = false;
    }
    for (int from = 0; from < batch.size(); from += MAX_BATCH) {
      send.accept(batch.subList(from, Math.min(batch.size(), from + MAX_BATCH)));
    }
  }
}
