package io.qserverless.runtime;

import java.util.List;

/**
 * Where a job's distributed tasks run: {@link LocalTaskExecutor} inside the job's JVM, or {@link
 * ClusterTaskExecutor} across the JVMs of the job's cluster when the job has workers. Both admit a
 * task only when its {@link Resources} fit a free allotment and give results back in order.
 */
interface TaskExecutor {
  <T> TaskRef<T> submit(Resources asked, Task<T> task);

  /** The results of {@code refs} in order; the first failed task (in order) throws. */
  <T> List<T> get(List<TaskRef<T>> refs);

  /** What the tasks share: the job's allotment, or the sum over the cluster's members. */
  Resources limit();
}
