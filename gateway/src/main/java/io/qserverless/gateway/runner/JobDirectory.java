package io.qserverless.gateway.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of one job: arguments, result, log and exit code, under {@code <data>/jobs/<id>}.
 *
 * <p>They outlive the gateway process, which is what lets a restarted gateway finish a job from
 * what it left behind. While the job runs, its result lives in {@link #results()} (written by the
 * program, or by the lifecycle for a result sent over HTTP); when it ends, the lifecycle moves it
 * into the database.
 */
public record JobDirectory(Path dir) {
  private static final String JVM_NOTICE =
      "WARNING: Using incubator modules: " + JobCommand.VECTOR_MODULE;

  public static JobDirectory of(Path jobsRoot, String jobId) {
    return new JobDirectory(jobsRoot.resolve(jobId));
  }

  public Path arguments() {
    return dir.resolve("arguments.json");
  }

  /**
   * The job's own writable directory ({@code HOME}, holding {@link #results()}): in the sandbox the
   * rest of the job directory is read-only to the job, so the files the gateway and the wrapper
   * write (log, exit code) cannot be swapped for links to elsewhere.
   */
  public Path work() {
    return dir.resolve("work");
  }

  /** Written by the program; a link there is no result (the gateway never reads through one). */
  public Path results() {
    return work().resolve("results.json");
  }

  public Path log() {
    return dir.resolve("job.log");
  }

  /**
   * The pipe into the job's log that its workers write to (a job with workers only): the job's
   * wrapper reads it into the log beside the driver's output, under the same cap.
   */
  public Path logPipe() {
    return dir.resolve("log.fifo");
  }

  /** The job's workers' directories, {@code worker-N} each (its work directory and its handle). */
  public Path workers() {
    return dir.resolve("workers");
  }

  /**
   * The job's cluster (its secret name and port range), readable by the gateway only, so that a
   * restarted gateway can still add workers to it.
   */
  public Path cluster() {
    return dir.resolve("cluster");
  }

  /**
   * Written by the wrapper shell when the program ends, so the code is known even if the gateway
   * died.
   */
  public Path exitCode() {
    return dir.resolve("exit-code");
  }

  /**
   * Left by the wrapper of attempt {@code attempt} when it ended without starting the program (its
   * gateway died before releasing it): that attempt may be queued again.
   */
  public Path notStarted(int attempt) {
    return dir.resolve("not-started-" + attempt);
  }

  /**
   * Written by the runner when it ended the job for passing a disk cap: the reason its FAILED
   * status gives.
   */
  public Path capReason() {
    return dir.resolve("cap-reason");
  }

  /** Why the runner ended the job for passing a cap, or null when it did not. */
  public String readCapReason() {
    try {
      return Files.exists(capReason())
          ? Files.readString(capReason(), StandardCharsets.UTF_8)
          : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the cap reason of " + dir.getFileName(), e);
    }
  }

  /**
   * Removes what an earlier attempt left that would mislead the reading of {@code attempt}: also an
   * earlier run's {@link #notStarted} mark for the same attempt number (a claim lost with its
   * gateway hands the job out again under the same number).
   */
  public void clearForAttempt(int attempt) {
    try {
      Files.deleteIfExists(notStarted(attempt));
      Files.deleteIfExists(exitCode());
      Files.deleteIfExists(capReason());
      Files.deleteIfExists(cluster());
      if (Files.isDirectory(workers(), LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> tree = Files.walk(workers())) {
          for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot clear what the last attempt left in " + dir.getFileName(), e);
    }
  }

  /**
   * The size of the result file in bytes, or -1 when there is none (or it is not a regular file).
   */
  public long resultSize() {
    try {
      BasicFileAttributes a =
          Files.readAttributes(results(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.isRegularFile() ? a.size() : -1;
    } catch (NoSuchFileException e) {
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the result of " + dir.getFileName(), e);
    }
  }

  /**
   * The result file's text, or null when there is none; never read through a link the job put
   * there.
   */
  public String readResult() {
    if (resultSize() < 0) {
      return null;
    }
    try (InputStream in = Files.newInputStream(results(), LinkOption.NOFOLLOW_LINKS)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (FileSystemException e) {
      return null; // replaced by a link meanwhile
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the result of " + dir.getFileName(), e);
    }
  }

  /** The exit code the wrapper recorded, or null when it recorded none (the wrapper was killed). */
  public Integer readExitCode() {
    try {
      return Files.exists(exitCode()) ? Integer.valueOf(Files.readString(exitCode()).trim()) : null;
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  /** Up to the last {@code max} bytes of the log, or null when the job has written none. */
  public String logTail(int max) {
    Path log = log();
    if (!Files.exists(log)) {
      return null;
    }
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long from = Math.max(0, f.length() - max);
      byte[] buf = new byte[(int) (f.length() - from)];
      f.seek(from);
      f.readFully(buf);
      return buf.length == 0 ? null : withoutJvmNotice(new String(buf, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the log of " + dir.getFileName(), e);
    }
  }

  /**
   * {@code log} without the line each job JVM prints as it starts because of the Vector API module
   * ({@link JobCommand#jvmOptions}): the JDK has no switch to silence it, and it is the platform's,
   * not the program's. Only whole lines equal to it go, so a program printing it itself loses that
   * line as well.
   */
  static String withoutJvmNotice(String log) {
    if (!log.contains(JVM_NOTICE)) {
      return log;
    }
    StringBuilder out = new StringBuilder(log.length());
    int from = 0;
    while (from < log.length()) {
      int end = log.indexOf('\n', from);
      int next = end < 0 ? log.length() : end + 1;
      if (end < 0 || end != from + JVM_NOTICE.length() || !log.startsWith(JVM_NOTICE, from)) {
        out.append(log, from, next);
      }
      from = next;
    }
    return out.toString();
  }

  /**
   * Writes {@code text} to {@code file} atomically (temp file + move): readers see all or nothing.
   */
  public static void writeAtomically(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".tmp-", null);
      // The work directory is the job's: never write through a link it swapped in for the temp
      // file.
      Files.writeString(
          tmp,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING,
          LinkOption.NOFOLLOW_LINKS);
      // The file belongs to whoever owns its directory: in the work directory, the job's user
      // (JobUsers), who may then write the result itself after a result posted over HTTP.
      for (String owner : List.of("unix:uid", "unix:gid")) {
        Object id = Files.getAttribute(file.getParent(), owner, LinkOption.NOFOLLOW_LINKS);
        if (!id.equals(Files.getAttribute(tmp, owner, LinkOption.NOFOLLOW_LINKS))) {
          Files.setAttribute(tmp, owner, id, LinkOption.NOFOLLOW_LINKS);
        }
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
