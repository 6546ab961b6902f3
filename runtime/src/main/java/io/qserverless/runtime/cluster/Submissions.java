package io.qserverless.runtime.cluster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tasks this member distributed that have not come back yet, by this member's task id.
 * Thread-safe.
 */
final class Submissions {
  private final AtomicLong lastId = new AtomicLong();
  private final ConcurrentHashMap<Long, CompletableFuture<Object>> pending =
      new ConcurrentHashMap<>();

  /** A new id for a task whose outcome completes {@code outcome}. */
  long add(CompletableFuture<Object> outcome) {
    long id = lastId.incrementAndGet();
    pending.put(id, outcome);
    return id;
  }

  void complete(long id, TaskCodec.Outcome outcome) {
    CompletableFuture<Object> f = pending.remove(id);
    if (f == null) {
      return;
    }
    Object value;
    try {
      value = TaskCodec.decode(outcome.bytes());
    } catch (Exception e) {
      f.completeExceptionally(
          new IllegalStateException(
              "the task's "
                  + (outcome.failed() ? "exception" : "result")
                  + " could not be read in this JVM: "
                  + e,
              e));
      return;
    }
    if (outcome.failed()) {
      f.completeExceptionally((Throwable) value);
    } else {
      f.complete(value);
    }
  }
}
