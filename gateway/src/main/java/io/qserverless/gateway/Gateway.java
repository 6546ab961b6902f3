package io.qserverless.gateway;

import io.qserverless.gateway.auth.Accounts;
import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.dependency.DependencyResolver;
import io.qserverless.gateway.file.LocalFileStore;
import io.qserverless.gateway.file.UserFiles;
import io.qserverless.gateway.http.HttpApi;
import io.qserverless.gateway.job.JobLifecycle;
import io.qserverless.gateway.job.JobRepository;
import io.qserverless.gateway.job.Jobs;
import io.qserverless.gateway.job.RuntimeJobs;
import io.qserverless.gateway.metrics.GatewayMetrics;
import io.qserverless.gateway.program.ArtifactStore;
import io.qserverless.gateway.program.PlatformClasspath;
import io.qserverless.gateway.program.Programs;
import io.qserverless.gateway.runner.JobRunner;
import io.qserverless.gateway.runner.JvmCaches;
import io.qserverless.gateway.runner.ProcessRunner;
import io.qserverless.gateway.sandbox.JobUsers;
import io.qserverless.gateway.sandbox.Sandbox;
import io.qserverless.gateway.scheduler.Scheduler;
import io.qserverless.gateway.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway: REST API, database, scheduler and job runner in one process.
 *
 * <pre>{@code
 * try (Gateway gw = Gateway.start(GatewayConfig.builder(dir).port(0).build())) {
 *   String url = gw.url();                 // http://127.0.0.1:<port>
 *   String token = gw.initialToken();      // token of the user created at first start, or null
 * }
 * }</pre>
 *
 * <p>At start it migrates the database, creates the first (admin) user when there is none,
 * re-adopts or finishes the jobs a previous run left started, and begins scheduling. Closing it
 * stops the HTTP server and the scheduler; job processes keep running and are re-adopted by the
 * next start on the same data directory and port.
 */
public final class Gateway implements AutoCloseable {
  /**
   * The user the embedded setup creates on a loopback address when none is configured (as in the
   * seed).
   */
  public static final GatewayConfig.Credentials DEFAULT_USER =
      new GatewayConfig.Credentials("user", "password123");

  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  private static final Duration RECONCILE = Duration.ofSeconds(2);
  private final Database db;
  private final HttpApi http;
  private final Scheduler scheduler;
  private final JobLifecycle lifecycle;
  private final Accounts accounts;
  private final DependencyResolver dependencies;
  private final JvmCaches jvmCaches;
  private final String host;
  private String initialToken;

  private Gateway(GatewayConfig config) {
    Path data = config.dataDir();
    this.host = config.host();
    this.db =
        Database.open(config.dbUrl(), config.dbUser(), config.dbPassword(), data.resolve("db"));
    try {
      this.accounts = new Accounts(db);
      GatewayMetrics metrics = new GatewayMetrics(db);
      ArtifactStore artifacts =
          new ArtifactStore(
              data.resolve("artifacts"),
              config.limits().maxUploadBytes(),
              config.limits().maxUploadEntries());
      this.dependencies =
          new DependencyResolver(
              data.resolve("dependencies"),
              config.dependencies(),
              PlatformClasspath.entries(),
              "qserverless-gateway/" + version());
      Programs programs = new Programs(db, artifacts, dependencies);
      JobRepository jobRepo = new JobRepository(db);
      HttpApi[] api = new HttpApi[1];
      createFirstUser(config);
      Sandbox sandbox = sandbox(config);
      JobUsers users = sandbox.confines() ? jobUsers(config) : JobUsers.none();
      LocalFileStore fileStore = new LocalFileStore(data.resolve("files"), users);
      this.jvmCaches =
          config.jvmCaches() ? JvmCaches.start(data.resolve("jvm-cache")) : JvmCaches.none();
      JobRunner runner =
          new ProcessRunner(data.resolve("jobs"), config.limits(), sandbox, users, jvmCaches);
      this.lifecycle =
          new JobLifecycle(
              jobRepo,
              runner,
              accounts,
              artifacts,
              fileStore,
              () -> "http://" + urlHost() + ":" + api[0].port(),
              config,
              metrics);
      this.scheduler = new Scheduler(jobRepo, lifecycle, RECONCILE);
      Jobs jobs = new Jobs(jobRepo, lifecycle, programs, config, scheduler::submitted);
      UserFiles files = new UserFiles(programs, fileStore, config.limits().maxFileBytes());
      this.http =
          api[0] =
              new HttpApi(
                  config,
                  db::reachable,
                  accounts,
                  programs,
                  jobs,
                  new RuntimeJobs(db, jobs),
                  files,
                  metrics,
                  version());
      http.start();
      lifecycle.reconcile();
      scheduler.start();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * Starts a gateway.
   *
   * @throws IllegalArgumentException on a non-loopback host with no users and no explicit
   *     first-user credentials
   */
  public static Gateway start(GatewayConfig config) {
    Gateway gw = new Gateway(config);
    LOG.info(
        "gateway listening on {}{}",
        gw.url(),
        gw.initialToken == null ? "" : " (created user token: " + gw.initialToken + ")");
    return gw;
  }

  public String url() {
    return "http://" + urlHost() + ":" + http.port();
  }

  public int port() {
    return http.port();
  }

  /** The API token of the first user if this start created it, else null. */
  public String initialToken() {
    return initialToken;
  }

  /** The accounts of this gateway's database (for the CLI and tests that manage users). */
  /** The AOT caches of its job JVMs, trained in the background from its start. */
  public JvmCaches jvmCaches() {
    return jvmCaches;
  }

  public Accounts accounts() {
    return accounts;
  }

  /** The release this gateway was built as (the build writes it into version.properties). */
  public static String version() {
    try (InputStream in = Gateway.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the gateway jar has no readable version.properties; rebuild it", e);
    }
  }

  @Override
  public void close() {
    scheduler.close();
    lifecycle.close();
    http.stop();
    dependencies.close();
    db.close();
  }

  /**
   * Bubblewrap where it works; else, unless the operator passed {@code --no-sandbox}, jobs run
   * unconfined for one user only: a gateway whose database has more users refuses to start, and
   * creating a second one answers 403, because nothing would keep their jobs apart.
   */
  private Sandbox sandbox(GatewayConfig config) {
    if (config.noSandbox()) {
      LOG.warn("--no-sandbox: {}", Sandbox.none().description());
      return Sandbox.none();
    }
    Sandbox.Probe probe = Sandbox.bubblewrap(jobUsers(config));
    if (probe.works()) {
      LOG.info("{}, as {}", probe.sandbox().description(), jobUsers(config));
      return probe.sandbox();
    }
    String why =
        "no sandbox works here ("
            + probe.failure()
            + "), so jobs of several users would not be kept apart; "
            + "install bubblewrap (apt-get install bubblewrap) or start the gateway with --no-sandbox.";
    if (accounts.userCount() > 1) {
      throw new IllegalArgumentException(
          "The gateway refuses to start: its database has "
              + accounts.userCount()
              + " users and "
              + why);
    }
    accounts.admitOneUserOnly(why);
    LOG.warn("one user only, {}; {}", Sandbox.none().description(), why);
    return Sandbox.none();
  }

  /**
   * As root, each user's jobs run as that user's own uid of the configured range (the kernel
   * enforces no process cap for root); else as the gateway's own user.
   */
  private static JobUsers jobUsers(GatewayConfig config) {
    return JobUsers.asRoot() ? config.jobUsers() : JobUsers.none();
  }

  private void createFirstUser(GatewayConfig config) {
    if (accounts.anyUser()) {
      return;
    }
    GatewayConfig.Credentials first = config.initialUser();
    if (first == null) {
      if (!config.loopback()) {
        throw new IllegalArgumentException(
            "The gateway binds to "
                + config.host()
                + ", not loopback, and has no users: "
                + "set GATEWAY_USER and GATEWAY_PASSWORD for the first (admin) user; the default user is for loopback only.");
      }
      first = DEFAULT_USER;
    }
    accounts.createUser(first.username(), first.password(), true);
    initialToken = accounts.newTokenFor(first.username());
  }

  private String urlHost() {
    return host.equals("0.0.0.0") || host.equals("::")
        ? "127.0.0.1"
        : host.contains(":") ? "[" + host + "]" : host;
  }
}
