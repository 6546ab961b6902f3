package io.qserverless.gateway.job;

import io.qserverless.gateway.program.Launch;
import io.qserverless.gateway.runner.Allotment;
import io.qserverless.protocol.JobStatus;
import io.qserverless.protocol.SubStatus;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A job row without its (possibly large) arguments and result text.
 *
 * @param launch and {@code artifact}: copied from the function at submit, so a re-upload does not
 *     change a job that is already queued or running
 * @param cpu and {@code memory}: the allotment the scheduler reserves while the job runs
 * @param pid process id of the job's wrapper process, with {@code pidStarted} (epoch ms) to tell it
 *     from a later process that reuses the id
 * @param reason why the job ended the way it did (or why it is being stopped), for users
 * @param attempts how many times the job was handed to a runner
 */
public record Job(
    String id,
    long seq,
    long userId,
    String programId,
    String programTitle,
    String artifact,
    Launch launch,
    String envVars,
    JobStatus status,
    SubStatus subStatus,
    double cpu,
    long memory,
    Duration timeout,
    Long pid,
    Long pidStarted,
    String reason,
    boolean stopRequested,
    OffsetDateTime created,
    OffsetDateTime updated,
    OffsetDateTime started,
    OffsetDateTime finished,
    int attempts) {

  /** The same job under another id. */
  public Job withId(String newId) {
    return new Job(
        newId,
        seq,
        userId,
        programId,
        programTitle,
        artifact,
        launch,
        envVars,
        status,
        subStatus,
        cpu,
        memory,
        timeout,
        pid,
        pidStarted,
        reason,
        stopRequested,
        created,
        updated,
        started,
        finished,
        attempts);
  }

  /** What the job holds on the node while it runs. */
  public Allotment allotment() {
    return new Allotment(cpu, memory);
  }
}
