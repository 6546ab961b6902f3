package io.qserverless.gateway.job;

import io.qserverless.gateway.auth.Accounts;
import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.error.ConflictException;
import io.qserverless.gateway.error.JobLimitException;
import io.qserverless.gateway.error.NotAllowedException;
import io.qserverless.gateway.error.TooLargeException;
import io.qserverless.gateway.file.FileStore;
import io.qserverless.gateway.metrics.GatewayMetrics;
import io.qserverless.gateway.program.ArtifactStore;
import io.qserverless.gateway.runner.Allotment;
import io.qserverless.gateway.runner.JobDirectory;
import io.qserverless.gateway.runner.JobRunner;
import io.qserverless.gateway.runner.LaunchSpec;
import io.qserverless.gateway.runner.Run;
import io.qserverless.gateway.runner.RunHandle;
import io.qserverless.gateway.runner.WorkerPlan;
import io.qserverless.gateway.runner.WorkerRun;
import io.qserverless.gateway.store.Database;
import io.qserverless.protocol.JobStatus;
import io.qserverless.protocol.Json;
import io.qserverless.protocol.SubStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;

/**
 * The one writer of a job's life: its status transitions and their events, its result, its error
 * events, its job token and its share of the node (the {@link Capacity} ledger).
 *
 * <p>Each transition is one transaction that checks the current state ({@link JobRepository}), so
 * there is no second start and no way back from a final status. The flow:
 *
 * <ol>
 *   <li>{@link #submit}: QUEUED, counted against the user's active-job limit in the same
 *       transaction. The answer to the run request comes after the commit, which is on disk.
 *   <li>{@link #start} (the scheduler picked it): take capacity; QUEUED → PENDING with a fresh job
 *       token; the runner starts the processes held; PENDING → RUNNING with the run's handle; only
 *       then is the program released. A gateway that dies before that leaves a run that never
 *       starts its program, so a job never runs twice.
 *   <li>When the run exits (or times out and is stopped): the exit code, the stop request and the
 *       log decide the final status; the result file is read once, under the one cap; the final
 *       status, result, ERROR event and token revocation are one transaction; capacity is given
 *       back.
 *   <li>{@link #reconcile} (gateway start, and periodically): started jobs nobody watches are
 *       adopted when their processes live, finished from their files when not, queued again when
 *       their program never started.
 * </ol>
 *
 * <p>While a job runs its result lives in its result file (written by the program, or here for a
 * result sent over HTTP; last write wins); when it ends, it moves into the database, which is then
 * the only place. Thread-safe: per-job locks order a result write against the job's end.
 */
public final class JobLifecycle implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobLifecycle.class);
  private static final int ERROR_LOG_TAIL = 4000;
  private static final TypeReference<Map<String, String>> ENV = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> CONFIG = new TypeReference<>() {};
  private final JobRepository repo;
  private final JobRunner runner;
  private final Accounts accounts;
  private final ArtifactStore artifacts;
  private final FileStore files;
  private final Supplier<String> gatewayUrl;
  private final GatewayConfig config;
  private final GatewayConfig.Limits limits;
  private final GatewayMetrics metrics;
  private final Capacity capacity;
  private final Set<String> watched = ConcurrentHashMap.newKeySet();
  private final Set<String> scaleRefused = ConcurrentHashMap.newKeySet();
  // Queued jobs that took a standby's id: the token that standby was made with, until their claim.
  private final Map<String, String> standbyTokens = new ConcurrentHashMap<>();
  private final ReentrantLock[] locks = new ReentrantLock[64];
  private volatile Runnable onEnd = () -> {};
  private volatile boolean closed;

  /** How a stop request was taken. */
  public enum StopAnswer {
    STOPPED_QUEUED,
    STOPPING,
    ALREADY_STOPPING,
    ALREADY_FINISHED
  }

  public JobLifecycle(
      JobRepository repo,
      JobRunner runner,
      Accounts accounts,
      ArtifactStore artifacts,
      FileStore files,
      Supplier<String> gatewayUrl,
      GatewayConfig config,
      GatewayMetrics metrics) {
    this.repo = repo;
    this.runner = runner;
    this.accounts = accounts;
    this.artifacts = artifacts;
    this.files = files;
    this.gatewayUrl = gatewayUrl;
    this.config = config;
    this.limits = config.limits();
    this.metrics = metrics;
    this.capacity = new Capacity(new Allotment(config.node().cpus(), config.node().memoryBytes()));
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** The node's capacity as the lifecycle has handed it out (read-only for the scheduler). */
  public Capacity capacity() {
    return capacity;
  }

  /**
   * Called after a job ends or goes back to the queue (the scheduler wakes to use the capacity).
   */
  public void onEnd(Runnable r) {
    this.onEnd = r;
  }

  /**
   * Stores a new QUEUED job; 429 when its user already has the limit of active jobs. The job takes
   * the id of a standby process made for its launch, when one is ready ({@link JobRunner#reserve}).
   */
  Job submit(Job job, String arguments, String config) {
    Job queued = onStandby(job, config);
    int limit = limits.maxActiveJobs();
    if (!repo.inTransaction(h -> repo.insert(h, queued, arguments, config, limit))) {
      standbyTokens.remove(queued.id());
      runner.stop(queued.id());
      throw new JobLimitException(
          "You already have the limit of "
              + limit
              + " active (queued or running) jobs; wait for some to finish or stop them, then run again.");
    }
    return queued;
  }

  /** {@code job} under the id of a ready standby made for its launch, else as it is. */
  private Job onStandby(Job job, String config) {
    WorkerPlan plan = plan(config);
    if (plan.clustered()) {
      return job;
    }
    try {
      Optional<LaunchSpec> standby = runner.reserve(spec(job, 1, "", plan));
      standby.ifPresent(s -> standbyTokens.put(s.jobId(), s.token()));
      return standby.map(s -> job.withId(s.jobId())).orElse(job);
    } catch (IOException e) {
      LOG.debug("job {} starts without a standby", job.id(), e);
      return job;
    }
  }

  /** Stops a job in any state; a finished one is left as it is. */
  StopAnswer stop(Job job, String reason) {
    if (job.status() == JobStatus.QUEUED
        && repo.inTransaction(h -> repo.stopQueued(h, job, reason))) {
      standbyTokens.remove(job.id());
      runner.stop(job.id()); // its standby, if it has one
      return StopAnswer.STOPPED_QUEUED;
    }
    if (repo.inTransaction(h -> repo.requestStop(h, job.id(), reason))) {
      runner.stop(job.id());
      return StopAnswer.STOPPING;
    }
    return repo.find(job.id()).map(Job::status).orElse(job.status()).isTerminal()
        ? StopAnswer.ALREADY_FINISHED
        : StopAnswer.ALREADY_STOPPING;
  }

  /** Sets the sub-status of a job that has not ended; false when it has. */
  boolean setSubStatus(String id, SubStatus sub) {
    return repo.inTransaction(h -> repo.setSubStatus(h, id, sub));
  }

  /**
   * Records an event sent by the job or its owner; an ERROR event gets the fields API.md promises.
   */
  void addEvent(String id, String type, Map<String, Object> body) {
    Map<String, Object> data = new LinkedHashMap<>(body);
    if (type.equals(JobEvent.ERROR)) {
      data.put("code", String.valueOf(body.getOrDefault("code", "1")));
      data.putIfAbsent("message", "");
      data.putIfAbsent("exception", "");
      data.putIfAbsent("args", List.of());
    }
    repo.inTransaction(
        h -> {
          JobRepository.event(h, id, type, "JOB", "EVENT", data);
          return null;
        });
  }

  /**
   * Saves a result sent over HTTP while the job runs (last write wins, against the program's own
   * writes too).
   */
  void saveResult(String id, String result) {
    checkResultSize(result.getBytes(StandardCharsets.UTF_8).length);
    withLock(
        id,
        () -> {
          JobStatus now = repo.find(id).map(Job::status).orElseThrow();
          if (!StatusSets.STARTED.contains(now)) {
            throw new NotAllowedException(
                "Job "
                    + id
                    + " is "
                    + now
                    + "; a result can be saved only while it runs"
                    + (now.isTerminal() ? ", and its result can no longer change." : "."));
          }
          JobDirectory.writeAtomically(runner.files(id).results(), result);
        });
  }

  /**
   * The job's result: the stored one once it has ended, else what its result file holds; null for
   * none.
   */
  String result(Job job) {
    if (job.status().isTerminal()) {
      return repo.result(job.id());
    }
    JobDirectory dir = runner.files(job.id());
    long size = dir.resultSize();
    return size < 0 || size > limits.maxResultBytes() ? null : dir.readResult();
  }

  /** Up to the last {@code max} bytes of the job's log, or null when it has written none. */
  String logTail(String id, int max) {
    return runner.files(id).logTail(max);
  }

  /**
   * Hands a QUEUED job to the runner if it fits the node and its user's running limit; false when
   * it does not (or someone else moved it first).
   */
  public boolean start(Job job) {
    if (!capacity.take(
        job.id(), job.userId(), held(job, plan(job).initial()), limits.maxRunningJobs())) {
      return false;
    }
    watched.add(job.id());
    // Not waited for on disk: the RUNNING write before the program is released covers it, and a
    // claim lost with the gateway leaves the job QUEUED, its held run ended unstarted.
    String reserved = standbyTokens.remove(job.id());
    String token =
        Database.notWaitingForDisk(
            () ->
                repo.inTransaction(
                    h ->
                        !repo.claim(h, job)
                            ? null
                            : reserved != null
                                ? accounts.addToken(h, job.userId(), job.id(), reserved)
                                : accounts.newToken(h, job.userId(), job.id())));
    if (token == null) {
      watched.remove(job.id());
      capacity.give(job.id());
      return false;
    }
    launch(job, job.attempts() + 1, token);
    return true;
  }

  private void launch(Job job, int attempt, String token) {
    JobDirectory dir = runner.files(job.id());
    Run run;
    LaunchSpec spec;
    try {
      Files.createDirectories(dir.dir());
      dir.clearForAttempt(attempt);
      JobDirectory.writeAtomically(dir.arguments(), repo.arguments(job.id()));
      spec = spec(job, attempt, token);
      run = runner.start(spec);
    } catch (IOException | RuntimeException e) {
      LOG.warn("job {} could not start", job.id(), e);
      end(
          job,
          Outcome.failed(
              "The gateway could not start the job's process ("
                  + e.getMessage()
                  + "); check the gateway's log.",
              "StartFailed",
              null));
      return;
    }
    boolean recorded = repo.inTransaction(h -> repo.markRunning(h, job, run.handle()));
    metrics.jobStarted(job.created());
    if (recorded && !repo.find(job.id()).map(Job::stopRequested).orElse(true)) {
      run.release();
      if (!spec.workers().clustered()) {
        runner.prepare(spec.next(UUID.randomUUID().toString(), accounts.newSecret()));
      }
      for (int i = 0; i < spec.workers().initial(); i++) {
        try {
          startWorker(job, spec); // its share is in the job's hold from the start
        } catch (ConflictException e) {
          LOG.warn("job {} goes on without one of its workers: {}", job.id(), e.getMessage());
        }
      }
    } else {
      runner.stop(job.id()); // stopped while PENDING: the program never begins
    }
    watch(job, run, Instant.now());
  }

  /**
   * Adds a worker to a running auto-scaling job, as its driver asks (with the job's token): takes
   * the node's capacity for it and starts it. When the node has none free now, the job goes on with
   * the workers it has: the answer (409) and the job's events say so (one event until a worker is
   * added again).
   *
   * @return the new worker's name
   */
  String addWorker(Job job, String reason) {
    WorkerPlan plan = plan(job);
    if (!plan.scales()) {
      throw new ConflictException(
          "Job "
              + job.id()
              + " does not auto-scale: it runs with its "
              + plan.initial()
              + " workers; run it with \"auto_scaling\": true and max_workers to add workers.");
    }
    // One add at a time per job, and none while the job ends (its end takes the same lock).
    return underLock(job.id(), () -> addWorker(job, plan, reason));
  }

  private String addWorker(Job job, WorkerPlan plan, String reason) {
    JobStatus now = repo.find(job.id()).map(Job::status).orElse(job.status());
    if (now != JobStatus.RUNNING) {
      throw new ConflictException(
          "Job " + job.id() + " is " + now + "; workers are added only while it runs.");
    }
    int running = runner.workers(job.id()).size();
    if (running >= plan.max()) {
      throw new ConflictException(
          "Job " + job.id() + " already runs its max_workers of " + plan.max() + " workers.");
    }
    if (!capacity.grow(job.id(), plan.each())) {
      String why =
          "The node has "
              + describe(capacity.free())
              + " free and a worker needs "
              + describe(plan.each())
              + "; the job goes on with its "
              + running
              + " workers, and its driver asks again while its tasks wait ("
              + reason
              + ").";
      if (scaleRefused.add(job.id())) {
        repo.inTransaction(
            h -> {
              JobRepository.event(
                  h,
                  job.id(),
                  JobEvent.WORKER_NOT_ADDED,
                  "RUNNER",
                  "SCALE",
                  Map.of("reason", why, "workers", running));
              return null;
            });
      }
      throw new ConflictException(why);
    }
    scaleRefused.remove(job.id());
    String token = repo.inTransaction(h -> accounts.newToken(h, job.userId(), job.id()));
    try {
      return startWorker(job, spec(job, job.attempts(), token));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Ends a worker of a running job (its driver found it idle); its capacity goes back at its end.
   */
  boolean stopWorker(Job job, String worker) {
    return runner.stopWorker(job.id(), worker);
  }

  /**
   * Starts one worker of a job whose driver runs, its share already in the job's hold; the share
   * goes back when it ends, or at once when it cannot start.
   */
  private String startWorker(Job job, LaunchSpec spec) {
    Allotment each = spec.workers().each();
    try {
      WorkerRun worker = runner.startWorker(spec, each);
      worker.exited().thenRun(() -> capacity.shrink(job.id(), each));
      return worker.name();
    } catch (IOException | RuntimeException e) {
      LOG.warn("job {}: a worker could not start", job.id(), e);
      capacity.shrink(job.id(), each);
      throw new ConflictException(
          "The gateway could not start a worker for job "
              + job.id()
              + " ("
              + e.getMessage()
              + ").");
    }
  }

  private static String describe(Allotment a) {
    return "cpu " + a.cpu() + " and " + (a.memory() >> 20) + " MiB";
  }

  private LaunchSpec spec(Job job, int attempt, String token) throws IOException {
    return spec(job, attempt, token, plan(job));
  }

  private LaunchSpec spec(Job job, int attempt, String token, WorkerPlan plan) throws IOException {
    Path data = Files.createDirectories(files.directory(job.userId()));
    return new LaunchSpec(
        job.id(),
        job.userId(),
        attempt,
        artifacts.directory(job.artifact()),
        job.launch(),
        Json.MAPPER.readValue(job.envVars(), ENV),
        gatewayUrl.get(),
        token,
        data,
        job.allotment(),
        plan);
  }

  /** The job's worker JVMs, from its stored run config (none without workers). */
  private WorkerPlan plan(Job job) {
    return plan(repo.config(job.id()));
  }

  /** The worker JVMs of a run config as stored (none without workers). */
  private WorkerPlan plan(String stored) {
    return stored == null
        ? WorkerPlan.NONE
        : RunConfig.of(Json.MAPPER.readValue(stored, CONFIG), config).workers();
  }

  /** What the job holds on the node at its start: its own allotment and {@code workers}'. */
  private Allotment held(Job job, int workers) {
    Allotment each = plan(job).each();
    Allotment total = job.allotment();
    for (int i = 0; i < workers; i++) {
      total = total.plus(each);
    }
    return total;
  }

  /**
   * Brings the database in line with the runs: every started job nobody watches is adopted when its
   * run lives, finished from what it left when not, and queued again when it never got to start its
   * program. Called at gateway start (after a restart or {@code kill -9}) and by the scheduler's
   * periodic pass, so no job stays RUNNING forever.
   */
  public void reconcile() {
    for (Job job : repo.started()) {
      if (closed || !watched.add(job.id())) {
        continue;
      }
      Optional<Run> run =
          job.pid() == null
              ? Optional.empty()
              : runner.adopt(job.id(), new RunHandle(job.pid(), job.pidStarted()));
      // The node counts the workers that still run, each given back at its end.
      List<WorkerRun> workers = runner.workers(job.id());
      capacity.adopt(job.id(), job.userId(), held(job, workers.size()));
      Allotment each = plan(job).each();
      workers.forEach(w -> w.exited().thenRun(() -> capacity.shrink(job.id(), each)));
      if (run.isPresent()) {
        LOG.info("job {} re-adopted (pid {}) with {} workers", job.id(), job.pid(), workers.size());
        watch(job, run.get(), job.started() == null ? Instant.now() : job.started().toInstant());
      } else {
        end(job, null);
      }
    }
  }

  private void watch(Job job, Run run, Instant started) {
    Thread.ofVirtual()
        .name("job-" + job.id())
        .start(
            () -> {
              Duration left = job.timeout().minus(Duration.between(started, Instant.now()));
              try {
                run.exited().get(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
              } catch (TimeoutException e) {
                repo.inTransaction(
                    h ->
                        repo.requestStop(
                            h,
                            job.id(),
                            "The job ran longer than its timeout of "
                                + job.timeout().toSeconds()
                                + " s and was stopped; raise \"timeout\" in the run config if it needs longer."));
                runner.stop(job.id());
                run.exited().join();
              } catch (Exception e) {
                LOG.warn("waiting for job {} failed", job.id(), e);
              }
              if (!closed) { // else the next gateway start finishes it from its files
                end(job, null);
              }
            });
  }

  /**
   * A started job's run has ended (or never began, or could not start when {@code forced} says
   * how): one final transaction, then its capacity goes back.
   */
  private void end(Job job, Outcome forced) {
    try {
      withLock(
          job.id(),
          () -> {
            Job now = repo.find(job.id()).orElse(job);
            if (!StatusSets.STARTED.contains(now.status())) {
              return; // already ended (e.g. found twice by reconcile)
            }
            JobDirectory dir = runner.files(job.id());
            Integer exit = dir.readExitCode();
            if (forced == null
                && exit == null
                && !now.stopRequested()
                && (now.pid() == null || Files.exists(dir.notStarted(now.attempts())))) {
              repo.inTransaction(
                  h -> {
                    accounts.revokeJobTokens(h, job.id());
                    return repo.requeue(h, now);
                  });
              LOG.info(
                  "job {} never started its program (attempt {}); queued again",
                  job.id(),
                  now.attempts());
              return;
            }
            String overCap = dir.readCapReason();
            finish(
                now,
                dir,
                forced != null
                    ? forced
                    : overCap != null
                        ? Outcome.failed(overCap, "DiskCapExceeded", null)
                        : Outcome.decide(
                            exit, now.stopRequested(), now.reason(), dir.logTail(ERROR_LOG_TAIL)));
          });
    } finally {
      capacity.give(job.id());
      watched.remove(job.id());
      scaleRefused.remove(job.id());
    }
    onEnd.run();
  }

  private void finish(Job job, JobDirectory dir, Outcome outcome) {
    Outcome o = outcome;
    String result = null;
    long size = dir.resultSize();
    if (size > limits.maxResultBytes()) {
      o = Outcome.failed(resultTooLarge(size).getMessage(), "ResultTooLarge", null);
    } else if (size >= 0) {
      result = dir.readResult();
    }
    Outcome last = o;
    String stored = result;
    boolean moved =
        repo.inTransaction(
            h -> {
              accounts.revokeJobTokens(h, job.id());
              if (!repo.finish(h, job, last.status(), last.reason(), stored)) {
                return false;
              }
              if (last.status() == JobStatus.FAILED) {
                JobRepository.event(
                    h, job.id(), JobEvent.ERROR, "RUNNER", "FINISH", errorData(last, dir));
              }
              return true;
            });
    if (moved) {
      metrics.jobFinished(job.started());
    }
  }

  /**
   * The ERROR event of API.md: code, message, exception class and args, plus the log tail and
   * trace.
   */
  private static Map<String, Object> errorData(Outcome o, JobDirectory dir) {
    String tail = dir.logTail(ERROR_LOG_TAIL);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("code", "1");
    data.put("message", o.reason());
    data.put("exception", o.exception());
    data.put("args", List.of());
    data.put("traceback", o.trace() == null ? "" : o.trace());
    data.put("log_tail", tail == null ? "" : tail);
    return data;
  }

  private void checkResultSize(long size) {
    if (size > limits.maxResultBytes()) {
      throw resultTooLarge(size);
    }
  }

  /** The one message of the result cap, for a result sent over HTTP and for a result file alike. */
  private TooLargeException resultTooLarge(long size) {
    return new TooLargeException(
        "The result is "
            + size
            + " bytes, over the cap of "
            + limits.maxResultBytes()
            + " bytes; save less, or put large data in files.");
  }

  private void withLock(String id, Runnable r) {
    underLock(
        id,
        () -> {
          r.run();
          return null;
        });
  }

  private <T> T underLock(String id, Supplier<T> s) {
    ReentrantLock lock = locks[Math.floorMod(id.hashCode(), locks.length)];
    lock.lock();
    try {
      return s.get();
    } finally {
      lock.unlock();
    }
  }

  /** Stops watching: runs keep going and the next start on this data re-adopts them. */
  @Override
  public void close() {
    closed = true;
    runner.close();
  }
}
