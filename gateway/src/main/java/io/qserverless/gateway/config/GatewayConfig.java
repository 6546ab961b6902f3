package io.qserverless.gateway.config;

import com.sun.management.OperatingSystemMXBean;
import io.qserverless.gateway.dependency.DependencySettings;
import io.qserverless.gateway.sandbox.JobUsers;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the gateway ({@code io.qserverless.gateway.Gateway}) needs to start, with defaults for
 * the embedded single-machine setup.
 *
 * <p>Build with {@link #builder(Path)}; each setter refuses an impossible value at once with the
 * field, the rule and the value received. See docs/operations.md for the settings in tiers.
 *
 * @param host address to bind; only a loopback address may create the default user
 * @param port TCP port, 0 picks a free one
 * @param dataDir root of the H2 database, artifacts, job directories and user files
 * @param dbUrl JDBC URL, or null for the H2 file database under {@code dataDir/db}
 * @param initialUser user created as admin when the database has none, or null for the default
 * @param limits per-user, per-job and size caps
 * @param node capacity the scheduler may hand out to jobs on this machine
 * @param dependencies where program dependencies are resolved from and what is admitted
 * @param noSandbox run jobs without a sandbox even where bubblewrap works, and admit several users
 *     where it does not (the operator's explicit {@code --no-sandbox})
 * @param jobUsers the uids a gateway running as root runs each user's jobs as (one per user)
 * @param jvmCaches train the AOT caches of job JVMs at start (docs/operations.md, "Job JVMs"); off
 *     for the many short-lived gateways of tests, which would each train their own
 */
public record GatewayConfig(
    String host,
    int port,
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    Credentials initialUser,
    Limits limits,
    Node node,
    DependencySettings dependencies,
    boolean noSandbox,
    JobUsers jobUsers,
    boolean jvmCaches) {

  /** A user name and password given explicitly (GATEWAY_USER / GATEWAY_PASSWORD). */
  public record Credentials(String username, String password) {}

  /**
   * Caps that protect the gateway from one user or one request.
   *
   * @param maxActiveJobs queued or running jobs per user; the next run answers 429
   * @param maxRunningJobs jobs per user the scheduler starts at the same time
   * @param jobTimeout how long a job may run before it is STOPPED (a job's config may ask less)
   * @param stopGrace time between terminate and kill when a job is stopped
   * @param maxLogBytes a job's log on disk; past it the head and tail are kept, with a marker
   *     between
   * @param maxJobDirBytes a job's directory (and each file it writes); past it the job is FAILED
   * @param maxJobProcesses processes and threads of a sandboxed job (RLIMIT_NPROC), counted by the
   *     kernel per uid: with a gateway running as root, one user's running jobs together; else the
   *     gateway's own user's processes with all jobs
   * @param standbyJvms job JVMs booted ahead, each for the next run of one function by one user
   *     with one allotment, so that run starts without waiting for its JVM (docs/operations.md,
   *     "Job JVMs"); 0 for none
   */
  public record Limits(
      int maxActiveJobs,
      int maxRunningJobs,
      Duration jobTimeout,
      Duration stopGrace,
      long maxUploadBytes,
      int maxUploadEntries,
      long maxArgumentsBytes,
      long maxResultBytes,
      long maxFileBytes,
      long maxLogBytes,
      long maxJobDirBytes,
      long maxJobProcesses,
      int standbyJvms) {}

  /**
   * What the scheduler may hand out, and what a job gets when its config asks for nothing.
   *
   * @param cpus cores jobs may use together (default: this machine's)
   * @param memoryBytes memory jobs may use together (default: this machine's physical memory)
   */
  public record Node(double cpus, long memoryBytes, double jobCpus, long jobMemoryBytes) {}

  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /** True when the gateway listens on a loopback address only. */
  public boolean loopback() {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }

  /** A builder with the defaults of the embedded setup; every setter validates its value. */
  public static final class Builder {
    private static final long MIB = 1024L * 1024;
    // In the ids systemd leaves unused (1879048192-2147483646): no user of the machine has them.
    private static final long DEFAULT_FIRST_JOB_UID = 1_900_000_000;
    private String host = "127.0.0.1";
    private int port = 8000;
    private final Path dataDir;
    private String dbUrl;
    private String dbUser = "";
    private String dbPassword = "";
    private Credentials initialUser;
    private int maxActiveJobs = 100;
    private int maxRunningJobs = 8;
    private Duration jobTimeout = Duration.ofHours(24);
    private Duration stopGrace = Duration.ofSeconds(5);
    private long maxUploadBytes = 200 * MIB;
    private int maxUploadEntries = 10_000;
    private long maxArgumentsBytes = 10 * MIB;
    private long maxResultBytes = 50 * MIB;
    private long maxFileBytes = 500 * MIB;
    private long maxLogBytes = 50 * MIB;
    private long maxJobDirBytes = 2048 * MIB;
    private long maxJobProcesses = 4096;
    private int standbyJvms = 4;
    private boolean noSandbox;
    private boolean jvmCaches = true;
    private JobUsers jobUsers = JobUsers.range(DEFAULT_FIRST_JOB_UID, 100_000_000);
    private double cpus = Runtime.getRuntime().availableProcessors();
    private long memoryBytes = physicalMemory();
    private double jobCpus = 1;
    private long jobMemoryBytes = 512 * MIB;
    private DependencySettings dependencies = DependencySettings.defaults();

    private Builder(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
    }

    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    public Builder port(int port) {
      this.port = check("port", port, 0, 65535);
      return this;
    }

    /** A JDBC URL (jdbc:postgresql://... or jdbc:h2:...); null keeps the embedded H2 file. */
    public Builder database(String url, String user, String password) {
      this.dbUrl = url;
      this.dbUser = user == null ? "" : user;
      this.dbPassword = password == null ? "" : password;
      return this;
    }

    public Builder initialUser(String username, String password) {
      if (username == null || username.isBlank() || password == null || password.isEmpty()) {
        throw new IllegalArgumentException(
            "initialUser needs a non-blank user name and a password");
      }
      this.initialUser = new Credentials(username, password);
      return this;
    }

    public Builder maxActiveJobs(int n) {
      this.maxActiveJobs = check("maxActiveJobs", n, 1, Integer.MAX_VALUE);
      return this;
    }

    public Builder maxRunningJobs(int n) {
      this.maxRunningJobs = check("maxRunningJobs", n, 1, Integer.MAX_VALUE);
      return this;
    }

    public Builder jobTimeout(Duration d) {
      this.jobTimeout = positive("jobTimeout", d);
      return this;
    }

    public Builder stopGrace(Duration d) {
      this.stopGrace = positive("stopGrace", d);
      return this;
    }

    public Builder maxUploadBytes(long n) {
      this.maxUploadBytes = check("maxUploadBytes", n, 1, Long.MAX_VALUE);
      return this;
    }

    public Builder maxUploadEntries(int n) {
      this.maxUploadEntries = check("maxUploadEntries", n, 1, Integer.MAX_VALUE);
      return this;
    }

    public Builder maxArgumentsBytes(long n) {
      this.maxArgumentsBytes = check("maxArgumentsBytes", n, 2, Long.MAX_VALUE);
      return this;
    }

    public Builder maxResultBytes(long n) {
      this.maxResultBytes = check("maxResultBytes", n, 2, Long.MAX_VALUE);
      return this;
    }

    public Builder maxFileBytes(long n) {
      this.maxFileBytes = check("maxFileBytes", n, 1, Long.MAX_VALUE);
      return this;
    }

    /** Capacity of this node for jobs; a job starts only when its allotment fits what is free. */
    public Builder node(double cpus, long memoryBytes) {
      if (!(cpus > 0)) {
        throw new IllegalArgumentException("node cpus must be > 0, got " + cpus);
      }
      this.cpus = cpus;
      this.memoryBytes = check("node memoryBytes", memoryBytes, 64 * MIB, Long.MAX_VALUE);
      return this;
    }

    /** The allotment of a job whose config asks for no cpu / mem. */
    public Builder jobDefaults(double cpus, long memoryBytes) {
      if (!(cpus > 0)) {
        throw new IllegalArgumentException("job default cpus must be > 0, got " + cpus);
      }
      this.jobCpus = cpus;
      this.jobMemoryBytes = check("job default memoryBytes", memoryBytes, 32 * MIB, Long.MAX_VALUE);
      return this;
    }

    public Builder maxLogBytes(long n) {
      this.maxLogBytes = check("maxLogBytes", n, 4096, Long.MAX_VALUE);
      return this;
    }

    public Builder maxJobDirBytes(long n) {
      this.maxJobDirBytes = check("maxJobDirBytes", n, MIB, Long.MAX_VALUE);
      return this;
    }

    public Builder maxJobProcesses(long n) {
      this.maxJobProcesses = check("maxJobProcesses", n, 16, Long.MAX_VALUE);
      return this;
    }

    public Builder standbyJvms(int n) {
      this.standbyJvms = check("standbyJvms", n, 0, 64);
      return this;
    }

    /**
     * Runs jobs without a sandbox (the operator's {@code --no-sandbox}); see docs/operations.md,
     * "Security model".
     */
    public Builder jvmCaches(boolean train) {
      this.jvmCaches = train;
      return this;
    }

    public Builder noSandbox(boolean noSandbox) {
      this.noSandbox = noSandbox;
      return this;
    }

    /**
     * When the gateway runs as root, the jobs of user {@code id} run as uid and gid {@code first +
     * id}, for ids 1 to {@code count} (default 1900000001-2000000000); give each gateway on one
     * machine its own range, held by no user or group of the machine.
     */
    public Builder jobUids(long first, long count) {
      this.jobUsers = JobUsers.range(first, count);
      return this;
    }

    /**
     * Repositories and policy for program dependencies (default: Maven Central, anything admitted
     * within 100 MiB).
     */
    public Builder dependencies(DependencySettings settings) {
      this.dependencies = Objects.requireNonNull(settings, "dependencies");
      return this;
    }

    public GatewayConfig build() {
      return new GatewayConfig(
          host,
          port,
          dataDir,
          dbUrl,
          dbUser,
          dbPassword,
          initialUser,
          new Limits(
              maxActiveJobs,
              maxRunningJobs,
              jobTimeout,
              stopGrace,
              maxUploadBytes,
              maxUploadEntries,
              maxArgumentsBytes,
              maxResultBytes,
              maxFileBytes,
              maxLogBytes,
              maxJobDirBytes,
              maxJobProcesses,
              standbyJvms),
          new Node(cpus, memoryBytes, jobCpus, jobMemoryBytes),
          dependencies,
          noSandbox,
          jobUsers,
          jvmCaches);
    }

    private static int check(String name, int v, int min, int max) {
      return (int) check(name, (long) v, min, max);
    }

    private static long check(String name, long v, long min, long max) {
      if (v < min || v > max) {
        throw new IllegalArgumentException(
            name + " must be in [" + min + ", " + max + "], got " + v);
      }
      return v;
    }

    private static Duration positive(String name, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
      }
      return d;
    }

    private static long physicalMemory() {
      return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
          ? os.getTotalMemorySize()
          : 4096 * MIB;
    }
  }
}
