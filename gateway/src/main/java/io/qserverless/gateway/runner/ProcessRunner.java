package io.qserverless.gateway.runner;

import io.qserverless.gateway.auth.Accounts;
import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.file.FileStore;
import io.qserverless.gateway.job.Job;
import io.qserverless.gateway.job.JobDirectory;
import io.qserverless.gateway.job.JobEvent;
import io.qserverless.gateway.job.JobRepository;
import io.qserverless.gateway.metrics.GatewayMetrics;
import io.qserverless.gateway.program.ArtifactStore;
import io.qserverless.gateway.sandbox.Sandbox;
import io.qserverless.protocol.JobEnvironment;
import io.qserverless.protocol.JobStatus;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each job as its own OS process on this machine, watches it, and records how it ended.
 *
 * <p>One virtual thread per started job waits for its process (or its timeout). A gateway that
 * restarts calls {@link #reconcile()}: processes that survived (same pid and start time) are adopted
 * and watched again; the others are finished from the exit-code and result files they left.
 * Thread-safe.
 */
public final class ProcessRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
  private static final int ERROR_LOG_TAIL = 4000;
  private final JobRepository jobs;
  private final Accounts accounts;
  private final ArtifactStore artifacts;
  private final FileStore files;
  private final Path jobsRoot;
  private final Supplier<String> gatewayUrl;
  private final GatewayConfig.Limits limits;
  private final GatewayMetrics metrics;
  private final Sandbox sandbox;
  private final Map<String, Job> running = new ConcurrentHashMap<>();
  private volatile Runnable onFinish = () -> {};
  private volatile boolean closed;

  public ProcessRunner(JobRepository jobs, Accounts accounts, ArtifactStore artifacts, FileStore files,
      Path jobsRoot, Supplier<String> gatewayUrl, GatewayConfig.Limits limits, GatewayMetrics metrics, Sandbox sandbox) {
    this.sandbox = sandbox;
    this.jobs = jobs;
    this.accounts = accounts;
    this.artifacts = artifacts;
    this.files = files;
    this.jobsRoot = jobsRoot;
    this.gatewayUrl = gatewayUrl;
    this.limits = limits;
    this.metrics = metrics;
  }

  /** Called after each job ends (the scheduler wakes to use the freed capacity). */
  public void onFinish(Runnable r) {
    this.onFinish = r;
  }

  /** The jobs whose processes this runner watches: their allotments are in use. */
  public Collection<Job> running() {
    return running.values();
  }

  public JobDirectory directory(String jobId) {
    return JobDirectory.of(jobsRoot, jobId);
  }

  /** Starts the process of a job the scheduler has just marked PENDING. */
  public void start(Job job) {
    JobDirectory dir = directory(job.id());
    running.put(job.id(), job);
    try {
      Files.createDirectories(dir.dir());
      JobDirectory.writeAtomically(dir.arguments(), jobs.arguments(job.id()));
      Path app = artifacts.directory(job.artifact()).resolve("app");
      Path data = Files.createDirectories(files.directory(job.userId(), job.programTitle()));
      Sandbox.Command cmd = JobCommand.of(job, artifacts.directory(job.artifact()), dir, data,
          JobCommand.environment(job, dir, contract(job, dir, data)), sandbox, limits);
      ProcessBuilder pb = new ProcessBuilder(cmd.argv())
          .directory(app.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.log().toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.environment().clear(); // nothing of the gateway's own environment (e.g. GATEWAY_PASSWORD) reaches a job
      pb.environment().putAll(cmd.environment());
      Process p = pb.start();
      long started = p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
      jobs.markRunning(job.id(), p.pid(), started);
      metrics.jobStarted(job);
      watch(job, p.toHandle(), Instant.now());
      if (jobs.find(job.id()).map(Job::stopRequested).orElse(false)) {
        terminate(p.toHandle()); // stopped while PENDING, before there was a process to end
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("job {} could not start", job.id(), e);
      end(job, new Outcome(JobStatus.FAILED, "The gateway could not start the job's process ("
          + e.getMessage() + "); check the gateway's log.", String.valueOf(e)));
    }
  }

  /** Ends a started job's process: terminate its tree now, kill it after the grace period. */
  public void stop(String jobId) {
    Job job = running.get(jobId);
    Long pid = job == null ? null : jobs.find(jobId).map(Job::pid).orElse(null);
    if (pid != null) {
      ProcessHandle.of(pid).ifPresent(this::terminate);
    }
  }

  /**
   * Brings the database in line with the processes: every started job this runner does not watch
   * is adopted when its process lives (same pid and start time), finished from what it left when
   * not, and queued again when it never got a process. Called at start (after a restart or
   * {@code kill -9}) and by the scheduler's periodic pass, so no job stays RUNNING forever.
   */
  public void reconcile() {
    for (Job job : jobs.started()) {
      if (running.containsKey(job.id())) {
        continue;
      }
      if (job.pid() == null) {
        jobs.requeue(job.id());
        continue;
      }
      var alive = ProcessHandle.of(job.pid()).filter(h -> h.info().startInstant()
          .map(i -> i.toEpochMilli() == job.pidStarted()).orElse(false));
      running.put(job.id(), job);
      if (alive.isPresent()) {
        LOG.info("job {} re-adopted (pid {})", job.id(), job.pid());
        watch(job, alive.get(), job.started() == null ? Instant.now() : job.started().toInstant());
      } else {
        end(job, outcome(job));
      }
    }
  }

  /** The in-job contract of API.md, with the job's allotment for the runtime's task executor. */
  private Map<String, String> contract(Job job, JobDirectory dir, Path data) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(JobEnvironment.GATEWAY_HOST, gatewayUrl.get());
    env.put(JobEnvironment.GATEWAY_TOKEN, accounts.newToken(job.userId(), job.id()));
    env.put(JobEnvironment.JOB_ID, job.id());
    env.put(JobEnvironment.ARGUMENTS_PATH, dir.arguments().toString());
    env.put(JobEnvironment.RESULTS_PATH, dir.results().toString());
    env.put(JobEnvironment.DATA_PATH, data.toString());
    // The runtime's task executor shares exactly this allotment between the job's tasks.
    env.put(JobEnvironment.JOB_CPU, Double.toString(job.cpu()));
    env.put(JobEnvironment.JOB_MEMORY, Long.toString(job.memory()));
    return env;
  }

  private void watch(Job job, ProcessHandle process, Instant started) {
    DiskCap.watch(directory(job.id()), limits.maxJobDirBytes(), process, this::terminate);
    Thread.ofVirtual().name("job-" + job.id()).start(() -> {
      Duration left = job.timeout().minus(Duration.between(started, Instant.now()));
      try {
        process.onExit().get(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        jobs.requestStop(job.id(), "The job ran longer than its timeout of " + job.timeout().toSeconds()
            + " s and was stopped; raise \"timeout\" in the run config if it needs longer.");
        terminate(process);
        process.onExit().join();
      } catch (Exception e) {
        LOG.warn("waiting for job {} failed", job.id(), e);
      }
      if (!closed) { // else the next gateway start finishes it from its files
        end(job, outcome(job));
      }
    });
  }

  private Outcome outcome(Job job) {
    Job now = jobs.find(job.id()).orElse(job);
    JobDirectory dir = directory(job.id());
    JobLog.finish(dir, limits.maxLogBytes());
    try {
      Files.deleteIfExists(JobCommand.scratch(dir)); // it holds the job's token
    } catch (IOException e) {
      LOG.warn("cannot delete the sandbox arguments of job {}", job.id(), e);
    }
    String overDisk = DiskCap.reason(dir);
    if (overDisk != null) {
      return new Outcome(JobStatus.FAILED, overDisk, overDisk);
    }
    return Outcome.decide(dir.readExitCode(), now.stopRequested(), now.reason(), dir.logTail(ERROR_LOG_TAIL));
  }

  private void end(Job job, Outcome outcome) {
    JobDirectory dir = directory(job.id());
    Outcome o = outcome;
    String result = null;
    try {
      if (Files.exists(dir.results())) {
        if (Files.size(dir.results()) > limits.maxResultBytes()) {
          o = new Outcome(JobStatus.FAILED, "The result is " + Files.size(dir.results()) + " bytes, over the cap of "
              + limits.maxResultBytes() + " bytes; save less, or put large data in files.", null);
        } else {
          result = Files.readString(dir.results());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      if (jobs.finish(job.id(), o.status(), o.reason(), result)) {
        if (o.status() == JobStatus.FAILED) {
          jobs.addEvent(job.id(), JobEvent.ERROR, "RUNNER", "FINISH", errorData(o, dir));
        }
        metrics.jobFinished(jobs.find(job.id()).orElse(job));
      }
      accounts.revokeJobTokens(job.id());
    } finally {
      running.remove(job.id()); // on failure, the next reconcile finishes it from its files
    }
    onFinish.run();
  }

  private static Map<String, Object> errorData(Outcome o, JobDirectory dir) {
    String tail = dir.logTail(ERROR_LOG_TAIL);
    return Map.of("message", o.reason(), "exception", o.error() == null ? o.reason() : o.error(),
        "log_tail", tail == null ? "" : tail, "at", OffsetDateTime.now().toString());
  }

  /** Stops watching: processes keep running and the next start on this data re-adopts them. */
  public void close() {
    closed = true;
  }

  /** SIGTERM to the program (the wrapper then records its exit code); SIGKILL to all after the grace period. */
  private void terminate(ProcessHandle process) {
    List<ProcessHandle> tree = process.descendants().toList();
    if (tree.isEmpty()) {
      process.destroy();
    }
    tree.forEach(ProcessHandle::destroy);
    Thread.ofVirtual().start(() -> {
      try {
        process.onExit().get(limits.stopGrace().toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    });
  }
}
