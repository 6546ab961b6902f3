package io.qserverless.runtime;

import io.qserverless.runtime.cluster.ClusterMember;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a job's distributed tasks on the members of its cluster (the job's JVM and its worker JVMs)
 * through this JVM's {@link ClusterMember}; {@code get} keeps the local executor's semantics
 * (results in order, the task's exception as cause, a waiting task's share freed).
 */
final class ClusterTaskExecutor implements TaskExecutor {
  private final ClusterMember member;

  ClusterTaskExecutor(ClusterMember member) {
    this.member = member;
  }

  @Override
  public <T> TaskRef<T> submit(Resources asked, Task<T> task) {
    ClusterMember.Submission s = member.submit(asked, task, task instanceof RetryableTask);
    @SuppressWarnings("unchecked")
    CompletableFuture<T> outcome = (CompletableFuture<T>) s.outcome();
    return new TaskRef<>(s.id(), asked, outcome);
  }

  @Override
  public <T> List<T> get(List<TaskRef<T>> refs) {
    if (!refs.stream().allMatch(TaskRef::isDone)) {
      member.whileWaiting(() -> TaskRef.awaitAll(refs));
    }
    return TaskRef.results(refs);
  }

  @Override
  public Resources limit() {
    return member.total();
  }

  ClusterMember member() {
    return member;
  }
}
