package io.qserverless.gateway.runner;

import io.qserverless.gateway.job.JobDirectory;
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
 * <p>The cap is applied outside the gateway, so it holds while the gateway is down: the job
 * wrapper pipes the output through {@code head -c} (the first half of the cap goes into {@code
 * job.log}, readable while the job runs) and then {@code split}, which writes the rest in chunks of
 * a quarter of the cap into two rotating files ({@link #ROTATE} deletes the chunk before the
 * previous one). When the job has ended, {@link #finish} appends the marker line and the last two
 * chunks to the log. At most the cap is on disk at any time.
 */
final class JobLog {
  /** split's filter for chunk n: delete chunk n-2 (the 1 prefix keeps the zero-padded number decimal), write chunk n. */
  static final String ROTATE = "rm -f \"${FILE%-*}-$(printf %09d $((1${FILE##*-} - 1000000002)))\"; exec cat > \"$FILE\"";
  private static final String TAIL = "job.log.tail-";

  private JobLog() {}

  static long headBytes(long cap) {
    return cap / 2;
  }

  static long chunkBytes(long cap) {
    return Math.max(1, cap / 4);
  }

  /** Where split writes chunks: {@code job.log.tail-000000000}, {@code -000000001}, ... */
  static Path tailPrefix(JobDirectory dir) {
    return dir.dir().resolve(TAIL);
  }

  /** Appends the dropped-bytes marker and the kept tail to the log of an ended job; nothing when the log stayed under the cap. */
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
      List<Path> kept = chunks.size() > 1 ? chunks.subList(chunks.size() - 2, chunks.size()) : List.of(last);
      long dropped = Math.max(0, lastIndex + 1 - kept.size()) * chunkBytes(cap);
      try (OutputStream log = Files.newOutputStream(dir.log(), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        if (dropped > 0) {
          log.write(("\n[qs: " + dropped + " bytes of log dropped here; the log keeps its first " + headBytes(cap)
              + " and its last " + (Files.size(kept.getFirst()) + (kept.size() > 1 ? Files.size(kept.getLast()) : 0))
              + " bytes (cap " + cap + " bytes)]\n").getBytes(StandardCharsets.UTF_8));
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
