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
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each job as its own OS process on this machine, under {@code <data>/jobs/<id>}.
 *
 * <p>The process is the wrapper of {@link JobCommand}: it holds the program until {@link
 * Run#release()}, and records the program's exit code in the job's directory, so that a gateway
 * restarted after {@code kill -9} can adopt a surviving process (same pid and start time) or read
 * how a dead one ended. Thread-safe.
 */
public final class ProcessRunner implements JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");
  private final Path jobsRoot;
  private final GatewayConfig.Limits limits;
  private final Sandbox sandbox;
  private final JobUsers users;
  private final Map<String, ProcessHandle> live = new ConcurrentHashMap<>();
  private final ClusterPorts clusterPorts = new ClusterPorts();

  /**
   * Runs jobs in {@code sandbox}, as the OS user {@code users} gives their owner, under the log,
   * disk and process caps of {@code limits}.
   */
  public ProcessRunner(
      Path jobsRoot, GatewayConfig.Limits limits, Sandbox sandbox, JobUsers users) {
    this.jobsRoot = jobsRoot;
    this.limits = limits;
    this.sandbox = sandbox;
    this.users = users;
  }

  @Override
  public JobDirectory files(String jobId) {
    return JobDirectory.of(jobsRoot, jobId);
  }

  @Override
  public Run start(LaunchSpec spec) throws IOException {
    JobDirectory dir = files(spec.jobId());
    Files.createDirectories(dir.work());
    // What the job writes and reads as its owner's user; the rest of its directory stays the
    // gateway's.
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
    Map<String, String> contract = contract(spec, dir);
    if (!spec.workers().isEmpty()) {
      contract.putAll(cluster(spec));
    }
    Sandbox.Command cmd =
        JobCommand.of(
            spec,
            dir,
            JobCommand.environment(spec, dir, contract),
            sandbox,
            limits,
            users.uidOf(spec.userId()));
    ProcessBuilder pb =
        new ProcessBuilder(cmd.argv())
            .directory(spec.artifactDir().resolve("app").toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.log().toFile()));
    pb.environment()
        .clear(); // nothing of the gateway's own environment (e.g. GATEWAY_PASSWORD) reaches a job
    pb.environment().putAll(cmd.environment());
    Process p = pb.start();
    long started = p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    return watched(
        spec.jobId(), p.toHandle(), new RunHandle(p.pid(), started), p.getOutputStream());
  }

  @Override
  public Optional<Run> adopt(String jobId, RunHandle handle) {
    Optional<Run> run =
        ProcessHandle.of(handle.pid())
            .filter(
                h ->
                    h.info()
                        .startInstant()
                        .map(i -> i.toEpochMilli() == handle.startedMillis())
                        .orElse(false))
            .map(h -> watched(jobId, h, handle, null));
    if (run.isEmpty()) {
      ended(jobId); // it ended while no gateway watched it
    }
    return run;
  }

  @Override
  public void stop(String jobId) {
    ProcessHandle process = live.get(jobId);
    if (process != null) {
      terminate(process);
    }
  }

  @Override
  public void close() {
    live.clear();
  }

  private Run watched(String jobId, ProcessHandle process, RunHandle handle, OutputStream hold) {
    live.put(jobId, process);
    DiskCap.watch(files(jobId), limits.maxJobDirBytes(), process, this::terminate);
    CompletableFuture<Void> exited =
        process
            .onExit()
            .thenAccept(
                h -> {
                  ended(jobId);
                  live.remove(jobId, process);
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
    try {
      // A job may have closed its work directory (chmod 000); not running as root, the gateway
      // could then not read the result in it. It is the gateway's own path, never a link.
      if (Files.isDirectory(dir.work(), LinkOption.NOFOLLOW_LINKS)) {
        Files.setPosixFilePermissions(dir.work(), OWNER_ONLY);
      }
    } catch (IOException e) {
      LOG.warn("cannot open the work directory of job {} again", jobId, e);
    }
    try {
      Files.deleteIfExists(JobCommand.scratch(dir));
    } catch (IOException e) {
      LOG.warn("cannot delete the sandbox arguments of job {}", jobId, e);
    }
  }

  /** The in-job contract of API.md, with the job's allotment for the runtime's task executor. */
  private static Map<String, String> contract(LaunchSpec spec, JobDirectory dir) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(JobEnvironment.GATEWAY_HOST, spec.gatewayUrl());
    env.put(JobEnvironment.GATEWAY_TOKEN, spec.token());
    env.put(JobEnvironment.JOB_ID, spec.jobId());
    env.put(JobEnvironment.ARGUMENTS_PATH, dir.arguments().toString());
    env.put(JobEnvironment.RESULTS_PATH, dir.results().toString());
    env.put(JobEnvironment.DATA_PATH, spec.dataDir().toString());
    // The runtime's task executor shares exactly this allotment between the job's tasks.
    env.put(JobEnvironment.JOB_CPU, Double.toString(spec.driver().cpu()));
    env.put(JobEnvironment.JOB_MEMORY, Long.toString(spec.driver().memory()));
    return env;
  }

  /**
   * A job with workers: its JVMs' private cluster (API.md's in-job contract, docs/operations.md): a
   * random secret as the cluster's name, new for every attempt and not derived from the job's id,
   * and a port range of its own.
   */
  private Map<String, String> cluster(LaunchSpec spec) {
    byte[] secret = new byte[16];
    RANDOM.nextBytes(secret);
    int members = spec.workers().size() + 1;
    return Map.of(
        JobEnvironment.WORKERS, Integer.toString(spec.workers().size()),
        JobEnvironment.CLUSTER_NAME, "qs-" + HexFormat.of().formatHex(secret),
        JobEnvironment.CLUSTER_PORTS, clusterPorts.take(spec.jobId(), members));
  }

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
