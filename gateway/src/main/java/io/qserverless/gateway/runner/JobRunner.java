package io.qserverless.gateway.runner;

import java.io.IOException;
import java.util.Optional;

/**
 * Starts, stops and observes the processes of jobs. It decides nothing: what an exit means for the
 * job (its status, result, error) is the lifecycle's.
 *
 * <p>Implementations: {@link ProcessRunner} (child processes on this machine) today; worker JVMs
 * and Kubernetes pods next. Thread-safe.
 */
public interface JobRunner extends AutoCloseable {
  /** Starts an attempt, held until {@link Run#release()}. */
  Run start(LaunchSpec spec) throws IOException;

  /** The run behind a handle recorded by an earlier gateway process, when it still lives. */
  Optional<Run> adopt(String jobId, RunHandle handle);

  /** Ends a job's processes: terminate now, kill after the grace period; nothing when none runs. */
  void stop(String jobId);

  /** What a job has left so far: its log, result file, exit code. */
  JobDirectory files(String jobId);

  /** Stops watching; runs keep going and a later gateway process adopts them. */
  @Override
  void close();
}
