package io.qserverless.gateway.runner;

import java.io.IOException;
import java.util.Optional;

/**
 * Starts, stops and observes the processes of jobs. It decides nothing: what an exit means for the
 * job (its status, result, error) is the lifecycle's.
 *
 * <p>A job is its driver's run and, for a job with workers, worker processes started one by one
 * while the driver runs, each in a sandbox of its own; stopping the job, or its driver's end, ends
 * them all, and {@link Run#exited()} completes only once every one has ended.
 *
 * <p>Implementations: {@link ProcessRunner} (child processes on this machine) today; Kubernetes
 * pods next. Thread-safe.
 */
public interface JobRunner extends AutoCloseable {
  /**
   * Starts an attempt, held until {@link Run#release()}: the standby {@link #reserve}d for its job
   * when it was made for exactly {@code spec}.
   */
  Run start(LaunchSpec spec) throws IOException;

  /**
   * May start ahead, held, the process of a next job like {@code next} (a job id and token no job
   * has yet), which a run request of its shape can then {@link #reserve}; stopping that job id ends
   * it. Best effort: a runner may make none.
   */
  default void prepare(LaunchSpec next) {}

  /**
   * Reserves for a new job a process started ahead by {@link #prepare} for a job like {@code shape}
   * ({@link LaunchSpec#sameShape}): the launch it was made for, whose job id and token the new job
   * takes; empty when none is ready.
   */
  default Optional<LaunchSpec> reserve(LaunchSpec shape) {
    return Optional.empty();
  }

  /** The run behind a handle recorded by an earlier gateway process, when it still lives. */
  Optional<Run> adopt(String jobId, RunHandle handle);

  /** Ends a job's processes: terminate now, kill after the grace period; nothing when none runs. */
  void stop(String jobId);

  /**
   * Starts the next worker of a job whose driver runs ({@code worker-N}, N from 1), with {@code
   * allotment}, in a sandbox of its own: the job's owner, files and class path, its own work
   * directory.
   *
   * @throws IllegalStateException when the job's driver does not run (here)
   */
  WorkerRun startWorker(LaunchSpec job, Allotment allotment) throws IOException;

  /** Ends one worker of a job: terminate now, kill after the grace period; false when none runs. */
  boolean stopWorker(String jobId, String worker);

  /** The job's workers that run: started here, or found again by {@link #adopt}. */
  java.util.List<WorkerRun> workers(String jobId);

  /** What a job has left so far: its log, result file, exit code. */
  JobDirectory files(String jobId);

  /** Stops watching; runs keep going and a later gateway process adopts them. */
  @Override
  void close();
}
