package io.qserverless.runtime.cluster;

import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;

/**
 * Runs the tasks the driver placed on this member, each on its own virtual thread, and reports each
 * outcome as soon as it is known (so results stream back while other tasks still run).
 */
final class TaskRunner {
  /** The driver's placement id of the task this thread runs; null on threads that run no task. */
  static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

  /** Where outcomes go: to the driver's scheduler, directly or through the outbox. */
  interface Report {
    void done(long id, TaskCodec.Outcome outcome);
  }

  private final ThreadFactory threads;
  private final Report report;

  TaskRunner(String memberName, Report report) {
    this.threads = Thread.ofVirtual().name(memberName + "-task-", 1).factory();
    this.report = report;
  }

  void run(long id, byte[] task) {
    threads.newThread(() -> report.done(id, outcome(id, task))).start();
  }

  private static TaskCodec.Outcome outcome(long id, byte[] task) {
    CURRENT.set(id);
    try {
      return TaskCodec.encodeResult(((Callable<?>) TaskCodec.decode(task)).call());
    } catch (Throwable t) {
      return TaskCodec.encodeFailure(t);
    } finally {
      CURRENT.remove();
    }
  }
}
