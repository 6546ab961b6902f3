package io.qserverless.gateway.runner;

import io.qserverless.gateway.program.Launch;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a runner needs to start one attempt of a job, decided by the lifecycle.
 *
 * <p>A job is a driver process (the program) plus zero or more worker processes (distributed tasks
 * on other JVMs or pods); each gets its own allotment, and the node reserves the sum of those that
 * run. The runner turns this into processes and the in-job environment of API.md.
 *
 * @param userId the job's owner
 * @param attempt how many times the job has been handed to a runner, this one included; a run that
 *     never got to start its program reports it for this attempt only
 * @param artifactDir the function's unpacked, immutable artifact
 * @param functionEnv the function's own {@code env_vars}
 * @param gatewayUrl the base URL the job calls back
 * @param token the job-scoped token, minted for this attempt
 * @param dataDir the owner's files for this function ({@code DATA_PATH})
 * @param driver the allotment of the job's own process
 * @param workers the job's worker JVMs ({@link WorkerPlan#NONE} for a single-process job); the
 *     lifecycle starts them one by one through {@link JobRunner#startWorker}
 */
public record LaunchSpec(
    String jobId,
    long userId,
    int attempt,
    Path artifactDir,
    Launch launch,
    Map<String, String> functionEnv,
    String gatewayUrl,
    String token,
    Path dataDir,
    Allotment driver,
    WorkerPlan workers) {

  public LaunchSpec {
    functionEnv = Map.copyOf(functionEnv);
  }

  /** The first attempt of another job exactly like this one, under its own id and token. */
  public LaunchSpec next(String nextJobId, String nextToken) {
    return new LaunchSpec(
        nextJobId,
        userId,
        1,
        artifactDir,
        launch,
        functionEnv,
        gatewayUrl,
        nextToken,
        dataDir,
        driver,
        workers);
  }

  /** True when {@code other} starts the same process as this one but for its job id and token. */
  boolean sameShape(LaunchSpec other) {
    return equals(other.next(jobId, token));
  }
}
