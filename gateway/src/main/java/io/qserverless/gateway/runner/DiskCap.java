package io.qserverless.gateway.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The cap of a job directory's size on disk: a job whose directory grows past it is ended, and its
 * outcome is FAILED with a reason that says so. RLIMIT_FSIZE caps each file at the same size; this
 * caps their sum, checked once a second.
 */
final class DiskCap {
  private static final Duration EVERY = Duration.ofSeconds(1);

  private DiskCap() {}

  /**
   * Watches the directory of a running job; past {@code max} bytes, records why and calls {@code
   * end}.
   */
  static void watch(
      JobDirectory dir, long max, ProcessHandle process, Consumer<ProcessHandle> end) {
    Thread.ofVirtual()
        .name("disk-cap-" + dir.dir().getFileName())
        .start(
            () -> {
              while (process.isAlive()) {
                try {
                  Thread.sleep(EVERY);
                } catch (InterruptedException e) {
                  return;
                }
                long size = size(dir.dir());
                if (size > max && process.isAlive()) {
                  JobDirectory.writeAtomically(
                      dir.capReason(),
                      "The job's directory grew to "
                          + size
                          + " bytes, over the cap of "
                          + max
                          + " bytes, and the job was ended; write less there (or in /tmp), "
                          + "or ask the operator to raise the cap (--max-job-dir-mib).");
                  end.accept(process);
                  return;
                }
              }
            });
  }

  private static long size(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0; // deleted meanwhile
                }
              })
          .sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0; // a file vanished during the walk: measure again next time
    }
  }
}
