package io.qserverless.gateway;

import io.qserverless.gateway.config.GatewayConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gateway in its own JVM, for tests that kill it with {@code kill -9}.
 *
 * <p>{@link #start} runs {@code GatewayChild <data dir> <port> [<jdbc url> <user> <password>]} and
 * waits until it prints {@code READY <token or ->}; {@link #kill()} sends SIGKILL (no shutdown hook
 * runs). Every line the child prints is kept in {@link #log()}.
 */
public final class GatewayChild implements AutoCloseable {
  private final Process process;
  private final String token;
  private final List<String> log;

  private GatewayChild(Process process, String token, List<String> log) {
    this.process = process;
    this.token = token;
    this.log = log;
  }

  public static void main(String[] args) throws InterruptedException {
    GatewayConfig.Builder b =
        GatewayConfig.builder(Path.of(args[0]))
            .jvmCaches(false)
            .port(Integer.parseInt(args[1]))
            .node(64, 64L << 30)
            .jobDefaults(0.25, 128L << 20)
            .stopGrace(Duration.ofSeconds(2))
            .maxRunningJobs(16)
            .maxJobProcesses(Long.getLong("qs.maxJobProcesses", 4096))
            .noSandbox(Boolean.getBoolean("qs.noSandbox"));
    if (args.length > 2) {
      b.database(args[2], args[3], args[4]);
    }
    Gateway gw = Gateway.start(b.build());
    System.out.println("READY " + (gw.initialToken() == null ? "-" : gw.initialToken()));
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  /** A free TCP port, so that every start of one data directory serves the same URL. */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a child gateway (optionally on the database {@code db} = url, user, password) and waits
   * until it serves.
   */
  public static GatewayChild start(Path data, int port, List<String> log, String... db) {
    return start(List.of(), List.of(), System.getProperty("java.class.path"), data, port, log, db);
  }

  /**
   * Starts a child gateway through {@code prefix} (e.g. setpriv to another user), with {@code
   * jvmOptions} (e.g. {@code -Dqs.maxJobProcesses=N}) on {@code classPath}, and waits until it
   * serves.
   */
  public static GatewayChild start(
      List<String> prefix,
      List<String> jvmOptions,
      String classPath,
      Path data,
      int port,
      List<String> log,
      String... db) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(List.of(java, "-XX:TieredStopAtLevel=1"));
    cmd.addAll(jvmOptions);
    cmd.addAll(
        List.of(
            "-cp",
            classPath,
            GatewayChild.class.getName(),
            data.toString(),
            Integer.toString(port)));
    cmd.addAll(List.of(db));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
      for (String line; (line = out.readLine()) != null; ) {
        log.add(line);
        if (line.startsWith("READY ")) {
          Thread.ofVirtual().start(() -> out.lines().forEach(log::add));
          String token = line.substring(6);
          return new GatewayChild(p, token.equals("-") ? null : token, log);
        }
      }
      throw new IllegalStateException(
          "gateway child exited before it was ready:\n" + String.join("\n", log));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new log to pass to {@link #start} (one per test, shared by the starts of one data directory).
   */
  public static List<String> newLog() {
    return new CopyOnWriteArrayList<>();
  }

  /** The first user's token when this start created it, else null. */
  public String token() {
    return token;
  }

  public List<String> log() {
    return log;
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL, and waits until the process is gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
  }
}
