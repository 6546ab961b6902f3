package io.qserverless.cli;

import io.qserverless.client.Job;
import io.qserverless.client.JobInfo;
import java.io.PrintWriter;

/**
 * Follows a job until it ends, printing one line per status change ({@code 0.42s RUNNING: MAPPING})
 * and, on a terminal, a spinner with the elapsed time on the current line.
 *
 * <p>It polls: a sub-status that lasts shorter than the poll interval (25 ms) may not be seen.
 */
final class JobWatcher {
  private static final String SPINNER = "|/-\\";
  private static final long POLL_MILLIS = 25;

  private final PrintWriter out;
  private final boolean live;

  JobWatcher(PrintWriter out, boolean live) {
    this.out = out;
    this.live = live;
  }

  /** A watcher printing to {@code out}, live only when a terminal is attached. */
  static JobWatcher onConsole(PrintWriter out) {
    return new JobWatcher(out, isTerminal());
  }

  /** Console.isTerminal() came in Java 22; on 21, a console exists only for a terminal. */
  private static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException java21) {
      return true;
    }
  }

  /** Waits for {@code job} to end; returns its final state. */
  JobInfo watch(Job job) throws InterruptedException {
    long start = System.nanoTime();
    String last = null;
    for (int tick = 0; ; tick++) {
      JobInfo info = job.info();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!info.shown().equals(last)) {
        last = info.shown();
        out.printf("%s%6.2fs  %s%n", live ? "\r\033[K" : "", seconds, last);
      } else if (live) {
        out.printf("\r%c %s %.1fs", SPINNER.charAt(tick % SPINNER.length()), last, seconds);
      }
      out.flush();
      if (info.status().isTerminal()) {
        return info;
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
