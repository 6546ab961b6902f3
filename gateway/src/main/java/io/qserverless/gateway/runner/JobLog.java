package io.qserverless.gateway.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cap of a job's log on disk: past it, the log keeps its head and its tail, with a line saying
 * how many bytes were dropped between them; the job itself is not slowed or stopped.
 *
 * <p>The cap is applied outside the gateway, so it holds while the gateway is down: the job wrapper
 * pipes the output through {@code split}, which cuts it into chunks of a third of the cap and hands
 * each to {@link #ROTATE}: the first chunk goes into {@code job.log} as it comes (readable while
 * the job runs), the others into rotating files, each deleting the chunk before the previous one.
 * split and cat write what they read at once (no stdio buffering, unlike {@code head -c}). When the
 * job has ended, {@link #finish} appends the marker line and the last two chunks to the log. At
 * most the cap is on disk at any time.
 */
final class JobLog {
  /**
   * The names of the tail chunks split writes in the job directory: {@code job.log.tail-000000001},
   * ...
   */
  static final String TAIL = "job.log.tail-";

  /**
   * split's filter for chunk n (in $FILE): chunk 0 is the log's head; chunk n > 0 deletes chunk n-2
   * (the 1 prefix keeps the zero-padded number decimal) and is written as its own file.
   */
  static final String ROTATE =
      "n=${FILE##*-}; if [ \"$n\" = 000000000 ]; then exec cat >> \"${FILE%/*}/job.log\"; fi; "
          + "rm -f \"${FILE%-*}-$(printf %09d $((1$n - 1000000002)))\"; exec cat > \"$FILE\"";

  private JobLog() {}

  /** The size of each chunk: the head and two tail chunks make the cap. */
  static long chunkBytes(long cap) {
    return Math.max(1, cap / 3);
  }

  /**
   * Appends the dropped-bytes marker and the kept tail to the log of an ended job; nothing when the
   * log stayed under a chunk.
   */
  static void finish(JobDirectory dir, long cap) {
    List<Path> chunks;
    try (Stream<Path> s = Files.list(dir.dir())) {
      chunks = s.filter(p -> p.getFileName().toString().startsWith(TAIL)).sorted().toList();
    } catch (IOException e) {
      return; // no job directory: nothing was logged
    }
    if (chunks.isEmpty()) {
      return;
    }
    try {
      Path last = chunks.getLast();
      long lastIndex = Long.parseLong(last.getFileName().toString().substring(TAIL.length()));
      List<Path> kept =
          chunks.size() > 1 ? chunks.subList(chunks.size() - 2, chunks.size()) : List.of(last);
      long dropped = Math.max(0, lastIndex - kept.size()) * chunkBytes(cap);
      long keptBytes = 0;
      for (Path chunk : kept) {
        keptBytes += Files.size(chunk);
      }
      try (OutputStream log =
          Files.newOutputStream(dir.log(), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        if (dropped > 0) {
          log.write(
              ("\n[qs: "
                      + dropped
                      + " bytes of log dropped here; the log keeps its first "
                      + chunkBytes(cap)
                      + " and its last "
                      + keptBytes
                      + " bytes (cap "
                      + cap
                      + " bytes)]\n")
                  .getBytes(StandardCharsets.UTF_8));
        }
        for (Path chunk : kept) {
          Files.copy(chunk, log);
        }
      }
      for (Path chunk : chunks) {
        Files.delete(chunk);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot finish the log of " + dir.dir().getFileName(), e);
    }
  }
}
