package io.qserverless.gateway.runner;

import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.sandbox.JobUsers;
import io.qserverless.gateway.sandbox.Sandbox;
import io.qserverless.protocol.JobEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each job as its own OS process on this machine, under {@code <data>/jobs/<id>}.
 *
 * <p>The process is the wrapper of {@link JobCommand}: it holds the program until {@link
 * Run#release()}, and records the program's exit code in the job's directory, so that a gateway
 * restarted after {@code kill -9} can adopt a surviving process (same pid and start time) or read
 * how a dead one ended.
 *
 * <p>A job's workers are processes of their own, each under the worker wrapper of {@link
 * JobCommand#worker} in a sandbox of its own; each leaves a handle (pid and start time) in its
 * directory, so a restarted gateway adopts the workers of the jobs it adopts, and ends those of a
 * job that ended while it was down. Thread-safe.
 */
public final class ProcessRunner implements JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");
  private static final String HANDLE = "handle";
  // How long a standby waits for a run request of its shape before it ends.
  private static final Duration STANDBY_IDLE = Duration.ofMinutes(10);
  private final Path jobsRoot;
  private final GatewayConfig.Limits limits;
  private final Sandbox sandbox;
  private final JobUsers users;
  private final JvmCaches caches;
  private final Map<String, ProcessHandle> live = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Tracked>> workers = new ConcurrentHashMap<>();
  private final ClusterPorts clusterPorts = new ClusterPorts();
  private final Standbys standbys;

  /**
   * Runs jobs in {@code sandbox}, as the OS user {@code users} gives their owner, under the log,
   * disk and process caps of {@code limits}, their JVMs with {@code caches} once trained.
   */
  public ProcessRunner(
      Path jobsRoot,
      GatewayConfig.Limits limits,
      Sandbox sandbox,
      JobUsers users,
      JvmCaches caches) {
    this.jobsRoot = jobsRoot;
    this.limits = limits;
    this.sandbox = sandbox;
    this.users = users;
    this.caches = caches;
    this.standbys = new Standbys(limits.standbyJvms(), STANDBY_IDLE);
    Standbys.clearLeftovers(jobsRoot);
  }

  /** Runs jobs as above, their JVMs without AOT caches. */
  public ProcessRunner(
      Path jobsRoot, GatewayConfig.Limits limits, Sandbox sandbox, JobUsers users) {
    this(jobsRoot, limits, sandbox, users, JvmCaches.none());
  }

  @Override
  public JobDirectory files(String jobId) {
    return JobDirectory.of(jobsRoot, jobId);
  }

  @Override
  public Run start(LaunchSpec spec) throws IOException {
    JobDirectory dir = files(spec.jobId());
    Optional<Standbys.Held> standby = standbys.take(spec);
    if (standby.isPresent()) {
      ownFiles(spec, dir); // what the job's start wrote since (its arguments, the owner's files)
      Process p = standby.get().process();
      return watched(spec.jobId(), p.toHandle(), standby.get().handle(), p.getOutputStream());
    }
    Process p = spawnJob(spec, dir);
    return watched(
        spec.jobId(), p.toHandle(), new RunHandle(p.pid(), startedAt(p)), p.getOutputStream());
  }

  /**
   * Starts, held, the process of the next job like {@code next} (its id and token new), for a run
   * request of that shape to take ({@link #reserve}): in the background, when the job's JVM can
   * boot before its release ({@link JobCommand#bootsHeld}, no workers) and {@code limits} allow
   * another standby.
   */
  @Override
  public void prepare(LaunchSpec next) {
    JobDirectory dir = files(next.jobId());
    try {
      if (!JobCommand.bootsHeld(next)
          || next.workers().clustered()
          || !standbys.book(next, dir.dir())) {
        return;
      }
    } catch (IOException e) {
      LOG.warn("no standby for the next job like {}: {}", next.jobId(), e.toString());
      return;
    }
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Process p = spawnJob(next, dir);
                standbys.started(next, dir.dir(), p, new RunHandle(p.pid(), startedAt(p)));
              } catch (IOException | RuntimeException e) {
                LOG.warn("no standby for the next job like {}: {}", next.jobId(), e.toString());
                standbys.failed(next);
              }
            });
  }

  @Override
  public Optional<LaunchSpec> reserve(LaunchSpec shape) {
    return standbys.reserve(shape);
  }

  /**
   * What the job writes and reads as its owner's user: its work directory, arguments and the
   * owner's files; the rest of its directory stays the gateway's.
   */
  private void ownFiles(LaunchSpec spec, JobDirectory dir) throws IOException {
    for (Path own : List.of(dir.work(), dir.arguments(), spec.dataDir())) {
      if (Files.exists(own, LinkOption.NOFOLLOW_LINKS)) {
        users.own(own, spec.userId());
      }
    }
    users.ownFiles(spec.dataDir(), spec.userId());
    // Open to the job's user whatever mode an earlier job of the owner left them with (both are
    // the gateway's own paths, never a link a job made).
    for (Path dirOfJob : List.of(dir.work(), spec.dataDir())) {
      Files.setPosixFilePermissions(dirOfJob, OWNER_ONLY);
    }
  }

  /** Starts the job's process, held, in {@code dir}. */
  private Process spawnJob(LaunchSpec spec, JobDirectory dir) throws IOException {
    Files.createDirectories(dir.work());
    ownFiles(spec, dir);
    Map<String, String> contract = contract(spec, dir);
    contract.put(JobEnvironment.RESULTS_PATH, dir.results().toString());
    // The runtime's task executor shares exactly this allotment between the job's tasks.
    contract.put(JobEnvironment.JOB_CPU, Double.toString(spec.driver().cpu()));
    contract.put(JobEnvironment.JOB_MEMORY, Long.toString(spec.driver().memory()));
    if (spec.workers().clustered()) {
      contract.putAll(cluster(spec, dir));
      logPipe(dir);
    }
    Sandbox.Command cmd =
        JobCommand.of(
            spec,
            dir,
            JobCommand.environment(spec, dir.work(), contract),
            sandbox,
            limits,
            users.uidOf(spec.userId()),
            caches);
    return spawn(cmd, spec, dir.log());
  }

  @Override
  public Optional<Run> adopt(String jobId, RunHandle handle) {
    Optional<ProcessHandle> driver = alive(handle);
    JobDirectory dir = files(jobId);
    for (String name : recordedWorkers(dir)) {
      Optional<ProcessHandle> worker = alive(readHandle(dir.workers().resolve(name)));
      if (driver.isPresent()) {
        worker.ifPresent(w -> track(jobId, name, w));
      } else {
        worker.ifPresent(ProcessRunner::kill); // its job ended while no gateway watched it
      }
    }
    if (driver.isEmpty()) {
      ended(jobId);
      return Optional.empty();
    }
    String[] cluster = readCluster(dir);
    if (cluster != null) {
      clusterPorts.restore(jobId, cluster[1]);
    }
    return Optional.of(watched(jobId, driver.get(), handle, null));
  }

  @Override
  public void stop(String jobId) {
    standbys.discard(jobId);
    ProcessHandle process = live.get(jobId);
    if (process != null) {
      terminate(process);
    }
    workersOf(jobId).values().forEach(w -> terminate(w.process()));
  }

  @Override
  public WorkerRun startWorker(LaunchSpec job, Allotment allotment) throws IOException {
    ProcessHandle driver = live.get(job.jobId());
    JobDirectory dir = files(job.jobId());
    String[] cluster = readCluster(dir);
    if (driver == null || !driver.isAlive() || cluster == null) {
      throw new IllegalStateException("job " + job.jobId() + " has no running driver here");
    }
    String name;
    Path home;
    synchronized (this) {
      int index = recordedWorkers(dir).size() + 1;
      name = "worker-" + index;
      home = Files.createDirectories(dir.workers().resolve(name).resolve("work"));
    }
    users.own(home, job.userId()); // its only writable place besides the owner's files
    Map<String, String> contract = contract(job, dir);
    contract.put(JobEnvironment.JOB_CPU, Double.toString(allotment.cpu()));
    contract.put(JobEnvironment.JOB_MEMORY, Long.toString(allotment.memory()));
    contract.putAll(scaling(job.workers()));
    contract.put(JobEnvironment.CLUSTER_NAME, cluster[0]);
    contract.put(JobEnvironment.CLUSTER_PORTS, cluster[1]);
    contract.put(JobEnvironment.WORKER_INDEX, name.substring("worker-".length()));
    Sandbox.Command cmd =
        JobCommand.worker(
            job,
            dir,
            home,
            allotment,
            driver.pid(),
            JobCommand.environment(job, home, contract),
            sandbox,
            limits,
            users.uidOf(job.userId()),
            caches);
    Path workerDir = home.getParent();
    Process p = spawn(cmd, job, workerDir.resolve("wrapper.log"));
    JobDirectory.writeAtomically(workerDir.resolve(HANDLE), p.pid() + " " + startedAt(p));
    return track(job.jobId(), name, p.toHandle());
  }

  @Override
  public boolean stopWorker(String jobId, String worker) {
    Tracked w = workersOf(jobId).get(worker);
    if (w == null) {
      return false;
    }
    terminate(w.process());
    return true;
  }

  @Override
  public List<WorkerRun> workers(String jobId) {
    return workersOf(jobId).values().stream().map(Tracked::run).toList();
  }

  @Override
  public void close() {
    standbys.close();
    live.clear();
  }

  /**
   * Starts {@code cmd} in the program's directory, its output appended to {@code output}, with
   * exactly the command's environment: nothing of the gateway's own (e.g. GATEWAY_PASSWORD) reaches
   * a job.
   */
  private static Process spawn(Sandbox.Command cmd, LaunchSpec spec, Path output)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(cmd.argv())
            .directory(spec.artifactDir().resolve("app").toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    pb.environment().clear();
    pb.environment().putAll(cmd.environment());
    return pb.start();
  }

  private static long startedAt(Process p) {
    return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  /**
   * After a sandboxed process (the job's or a worker's) ended, in its {@code home} directory: its
   * sandbox arguments (they hold the job's token) deleted, and its {@code work} directory opened
   * again in case it closed it (chmod 000), so that the gateway, not running as root, still reads
   * the result and a next attempt can clear it. Both are the gateway's own paths, never a link a
   * job made.
   */
  private static void cleanUp(Path home, String what) {
    try {
      Files.deleteIfExists(JobCommand.scratch(home));
    } catch (IOException e) {
      LOG.warn("cannot delete the sandbox arguments of {}", what, e);
    }
    try {
      Path work = home.resolve("work");
      if (Files.isDirectory(work, LinkOption.NOFOLLOW_LINKS)) {
        Files.setPosixFilePermissions(work, OWNER_ONLY);
      }
    } catch (IOException e) {
      LOG.warn("cannot open the work directory of {} again", what, e);
    }
  }

  private Run watched(String jobId, ProcessHandle process, RunHandle handle, OutputStream hold) {
    live.put(jobId, process);
    DiskCap.watch(files(jobId), limits.maxJobDirBytes(), process, this::terminate);
    // The driver's end ends its workers; the run has exited once they all have.
    CompletableFuture<Void> exited =
        process
            .onExit()
            .thenCompose(
                h -> {
                  List<Tracked> left = List.copyOf(workersOf(jobId).values());
                  left.forEach(w -> terminate(w.process()));
                  return CompletableFuture.allOf(
                      left.stream().map(w -> w.run().exited()).toArray(CompletableFuture[]::new));
                })
            .thenAccept(
                done -> {
                  ended(jobId);
                  live.remove(jobId, process);
                  workers.remove(jobId);
                  clusterPorts.give(jobId);
                });
    return new Run() {
      @Override
      public RunHandle handle() {
        return handle;
      }

      @Override
      public void release() {
        if (hold == null) {
          return;
        }
        try (hold) {
          hold.write("go\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
          // The wrapper is gone (e.g. stopped while held); its exit tells the rest.
        }
      }

      @Override
      public CompletableFuture<Void> exited() {
        return exited;
      }
    };
  }

  /**
   * Leaves the files of an ended run as the lifecycle reads them: the log's kept tail appended, the
   * token file gone.
   */
  private void ended(String jobId) {
    JobDirectory dir = files(jobId);
    JobLog.finish(dir, limits.maxLogBytes());
    cleanUp(dir.dir(), "job " + jobId);
  }

  /**
   * The in-job contract of API.md that the driver and the workers share (the driver adds its result
   * file, each its own allotment).
   */
  private static Map<String, String> contract(LaunchSpec spec, JobDirectory dir) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(JobEnvironment.GATEWAY_HOST, spec.gatewayUrl());
    env.put(JobEnvironment.GATEWAY_TOKEN, spec.token());
    env.put(JobEnvironment.JOB_ID, spec.jobId());
    env.put(JobEnvironment.ARGUMENTS_PATH, dir.arguments().toString());
    env.put(JobEnvironment.DATA_PATH, spec.dataDir().toString());
    return env;
  }

  /**
   * A job with workers: its JVMs' private cluster (API.md's in-job contract, docs/operations.md): a
   * random secret as the cluster's name, new for every attempt and not derived from the job's id,
   * and a port range of its own, recorded for the job's later workers; and its workers' plan.
   */
  private Map<String, String> cluster(LaunchSpec spec, JobDirectory dir) throws IOException {
    byte[] secret = new byte[16];
    RANDOM.nextBytes(secret);
    String name = "qs-" + HexFormat.of().formatHex(secret);
    String ports = clusterPorts.take(spec.jobId(), spec.workers().max() + 1);
    Files.deleteIfExists(dir.cluster());
    Files.writeString(
        Files.createFile(
            dir.cluster(),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
        name + "\n" + ports + "\n");
    WorkerPlan plan = spec.workers();
    Map<String, String> env = new LinkedHashMap<>(scaling(plan));
    env.put(JobEnvironment.CLUSTER_NAME, name);
    env.put(JobEnvironment.CLUSTER_PORTS, ports);
    env.put(JobEnvironment.WORKER_CPU, Double.toString(plan.each().cpu()));
    env.put(JobEnvironment.WORKER_MEMORY, Long.toString(plan.each().memory()));
    if (plan.scales()) {
      env.put(
          JobEnvironment.WORKER_IDLE_SECONDS,
          Double.toString(plan.idleTimeout().toMillis() / 1000.0));
    }
    return env;
  }

  /** Makes the job's log pipe anew (gateway-only), which its workers write their output into. */
  private static void logPipe(JobDirectory dir) throws IOException {
    Files.deleteIfExists(dir.logPipe());
    Process mkfifo =
        new ProcessBuilder("mkfifo", "-m", "600", dir.logPipe().toString())
            .redirectErrorStream(true)
            .start();
    try {
      if (mkfifo.waitFor() != 0) {
        throw new IOException(
            "mkfifo "
                + dir.logPipe()
                + " failed: "
                + new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making " + dir.logPipe(), e);
    }
  }

  /** The worker counts every member of a job's cluster knows. */
  private static Map<String, String> scaling(WorkerPlan plan) {
    return Map.of(
        JobEnvironment.WORKERS, Integer.toString(plan.initial()),
        JobEnvironment.MIN_WORKERS, Integer.toString(plan.min()),
        JobEnvironment.MAX_WORKERS, Integer.toString(plan.max()));
  }

  /** The job's cluster name and port range, or null when it has none. */
  private static String[] readCluster(JobDirectory dir) {
    try {
      List<String> lines = Files.readAllLines(dir.cluster());
      return lines.size() == 2 ? lines.toArray(String[]::new) : null;
    } catch (IOException none) {
      return null;
    }
  }

  /** The names of the job's workers started so far in this attempt, in order. */
  private static List<String> recordedWorkers(JobDirectory dir) {
    try (Stream<Path> s = Files.list(dir.workers())) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("worker-\\d+"))
          .sorted(Comparator.comparingInt(n -> Integer.parseInt(n.substring(7))))
          .toList();
    } catch (IOException none) {
      return List.of();
    }
  }

  private static RunHandle readHandle(Path workerDir) {
    try {
      String[] parts = Files.readString(workerDir.resolve(HANDLE)).trim().split(" ");
      return new RunHandle(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    } catch (IOException | RuntimeException none) {
      return new RunHandle(-1, 0); // it never started
    }
  }

  /** The process behind a handle, if it still runs (the same process: same start time). */
  private static Optional<ProcessHandle> alive(RunHandle handle) {
    return ProcessHandle.of(handle.pid())
        .filter(
            h ->
                h.info()
                    .startInstant()
                    .map(i -> i.toEpochMilli() == handle.startedMillis())
                    .orElse(false));
  }

  private Map<String, Tracked> workersOf(String jobId) {
    return workers.getOrDefault(jobId, Map.of());
  }

  private WorkerRun track(String jobId, String name, ProcessHandle process) {
    Path home = files(jobId).workers().resolve(name);
    CompletableFuture<Void> exited =
        process
            .onExit()
            .thenAccept(
                h -> {
                  Map<String, Tracked> of = workers.get(jobId);
                  if (of != null) {
                    of.remove(name);
                  }
                  cleanUp(home, name + " of job " + jobId);
                });
    WorkerRun run = new WorkerRun(name, exited);
    workers
        .computeIfAbsent(jobId, j -> new ConcurrentHashMap<>())
        .put(name, new Tracked(process, run));
    if (!process.isAlive()) {
      workers.get(jobId).remove(name);
    }
    return run;
  }

  private static void kill(ProcessHandle process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** A worker's wrapper process and what the lifecycle sees of it. */
  private record Tracked(ProcessHandle process, WorkerRun run) {}

  /**
   * SIGTERM to the program (the wrapper then records its exit code); SIGKILL to all after the grace
   * period.
   */
  private void terminate(ProcessHandle process) {
    List<ProcessHandle> tree = process.descendants().toList();
    if (tree.isEmpty()) {
      process.destroy();
    }
    tree.forEach(ProcessHandle::destroy);
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                process.onExit().get(limits.stopGrace().toMillis(), TimeUnit.MILLISECONDS);
              } catch (Exception e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
              }
            });
  }
}
