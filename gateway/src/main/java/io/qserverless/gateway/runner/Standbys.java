package io.qserverless.gateway.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job processes started ahead of their job, held: each the sandbox and booted JVM of the next job
 * of one shape (owner, function, allotment: {@link LaunchSpec#sameShape}), so that a run request
 * for it finds its process ready and only has to release it.
 *
 * <p>A standby is made for a job id and token that no job has yet; a run request of its shape takes
 * its id ({@link #reserve}), and the job's start takes its process ({@link #take}) when the job's
 * launch is still exactly the one it was made for (else it is discarded and the job starts as
 * usual). Until its release it runs nothing of the program, and a fresh one serves each job: no
 * process ever serves two. At most {@code max} exist; each ends after {@code idle} if no job took
 * it. Discarding one closes its hold, so it ends unstarted, and deletes its directory, which a
 * marker file tells from a job's (also after a crash: {@link #clearLeftovers}). Thread-safe.
 */
final class Standbys {
  private static final Logger LOG = LoggerFactory.getLogger(Standbys.class);
  private static final String MARKER = "standby";

  /** A standby: its launch, then its process once started, and whether a job has reserved it. */
  private static final class Standby {
    final LaunchSpec spec;
    final Path dir;
    Process process;
    RunHandle handle;
    boolean reserved;

    Standby(LaunchSpec spec, Path dir) {
      this.spec = spec;
      this.dir = dir;
    }
  }

  /** What {@link #take} hands over: the held process and its handle. */
  record Held(Process process, RunHandle handle) {}

  private final int max;
  private final Duration idle;
  private final Map<String, Standby> byJob = new LinkedHashMap<>();

  Standbys(int max, Duration idle) {
    this.max = max;
    this.idle = idle;
  }

  /**
   * Books the making of a standby for {@code next} in {@code dir}, marked as one: false when there
   * is one of its shape not yet reserved, or {@code max} already.
   */
  synchronized boolean book(LaunchSpec next, Path dir) throws IOException {
    List<Standby> dead =
        byJob.values().stream()
            .filter(s -> !s.reserved && s.process != null && !s.process.isAlive())
            .toList();
    dead.forEach(s -> byJob.remove(s.spec.jobId()));
    dead.forEach(Standbys::end);
    if (byJob.size() >= max
        || byJob.values().stream().anyMatch(s -> !s.reserved && s.spec.sameShape(next))) {
      return false;
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(MARKER), "");
    byJob.put(next.jobId(), new Standby(next, dir));
    return true;
  }

  /** The booked standby of {@code next}, in {@code dir}, has started as {@code process}. */
  void started(LaunchSpec next, Path dir, Process process, RunHandle handle) {
    Standby s;
    synchronized (this) {
      s = byJob.get(next.jobId());
      if (s != null) {
        s.process = process;
        s.handle = handle;
        CompletableFuture.delayedExecutor(idle.toMillis(), TimeUnit.MILLISECONDS)
            .execute(() -> expire(next.jobId()));
        return;
      }
    }
    s = new Standby(next, dir); // discarded while it started
    s.process = process;
    end(s);
  }

  /** A booked standby of {@code next} could not start. */
  synchronized void failed(LaunchSpec next) {
    Standby s = byJob.remove(next.jobId());
    if (s != null) {
      delete(s.dir);
    }
  }

  /**
   * Reserves for a new job a started standby of {@code shape}'s shape, not yet reserved: its launch
   * (the job's id and token).
   */
  synchronized Optional<LaunchSpec> reserve(LaunchSpec shape) {
    for (Standby s : byJob.values()) {
      if (!s.reserved && s.process != null && s.process.isAlive() && s.spec.sameShape(shape)) {
        s.reserved = true;
        return Optional.of(s.spec);
      }
    }
    return Optional.empty();
  }

  /**
   * The held process of the standby made for {@code spec}'s job, if it lives and was made for
   * exactly {@code spec}; a standby of the job that does not fit is discarded.
   */
  Optional<Held> take(LaunchSpec spec) throws IOException {
    Standby s;
    synchronized (this) {
      s = byJob.get(spec.jobId());
      if (s == null) {
        return Optional.empty();
      }
      byJob.remove(spec.jobId());
    }
    if (s.process == null || !s.process.isAlive() || !s.spec.equals(spec)) {
      end(s);
      return Optional.empty();
    }
    Files.deleteIfExists(s.dir.resolve(MARKER));
    return Optional.of(new Held(s.process, s.handle));
  }

  /** Ends the standby made for {@code jobId}, if any, and deletes its directory. */
  void discard(String jobId) {
    Standby s;
    synchronized (this) {
      s = byJob.remove(jobId);
    }
    if (s != null) {
      end(s);
    }
  }

  /** Ends every standby. */
  void close() {
    List<Standby> all;
    synchronized (this) {
      all = new ArrayList<>(byJob.values());
      byJob.clear();
    }
    all.forEach(Standbys::end);
  }

  /** Deletes the directories of standbys that a gateway process left behind when it ended. */
  static void clearLeftovers(Path jobsRoot) {
    if (!Files.isDirectory(jobsRoot)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(jobsRoot)) {
      dirs.filter(d -> Files.exists(d.resolve(MARKER), LinkOption.NOFOLLOW_LINKS))
          .forEach(Standbys::delete);
    } catch (IOException e) {
      LOG.warn("cannot look for standbys left in {}", jobsRoot, e);
    }
  }

  private void expire(String jobId) {
    Standby s;
    synchronized (this) {
      // A reserved one too: its job, still queued, then starts without it.
      s = byJob.remove(jobId);
      if (s == null) {
        return;
      }
    }
    end(s);
  }

  /** Closes the standby's hold, so it ends unstarted, then deletes its directory. */
  private static void end(Standby s) {
    if (s.process == null) {
      delete(s.dir); // its start, still under way, finds it gone and ends it
      return;
    }
    try {
      s.process.getOutputStream().close();
    } catch (IOException e) {
      s.process.destroyForcibly();
    }
    s.process.onExit().thenRun(() -> delete(s.dir));
  }

  private static void delete(Path dir) {
    if (dir == null || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("cannot delete the standby directory {}", dir, e);
    }
  }
}
