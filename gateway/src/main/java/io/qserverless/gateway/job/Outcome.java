package io.qserverless.gateway.job;

import io.qserverless.protocol.JobStatus;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a job ended, decided from what its process left: the exit code (or none, when the wrapper
 * itself was killed), whether a stop was requested, and the tail of its log.
 *
 * @param exception for a failure, the class name of what failed (the program's exception class, or
 *     a name for how the process ended, e.g. {@code ProcessExit}); null otherwise
 * @param trace the program's stack trace when its log shows one, else null
 */
record Outcome(JobStatus status, String reason, String exception, String trace) {
  // -XX:+ExitOnOutOfMemoryError prints this line and exits with code 3, the same code as
  // System.exit(3).
  private static final Pattern OOM =
      Pattern.compile("Terminating due to (java\\.lang\\.OutOfMemoryError[^\\n]*)");
  private static final Pattern UNCAUGHT =
      Pattern.compile("(?s)Exception in thread \"[^\"]*\" ([\\w.$]+)([^\\n]*)");

  static Outcome decide(
      Integer exitCode, boolean stopRequested, String stopReason, String logTail) {
    if (stopRequested) {
      return new Outcome(JobStatus.STOPPED, stopReason, null, null);
    }
    if (exitCode != null && exitCode == 0) {
      return new Outcome(JobStatus.SUCCEEDED, "", null, null);
    }
    String log = logTail == null ? "" : logTail;
    Matcher oom = OOM.matcher(log);
    if (oom.find()) {
      return failed(
          "The job ran out of memory ("
              + oom.group(1).trim()
              + "); ask for more with \"mem\" in the run config or use less.",
          "java.lang.OutOfMemoryError",
          null);
    }
    Matcher uncaught = UNCAUGHT.matcher(log);
    if (uncaught.find()) {
      return failed(
          "The program ended with an uncaught exception: "
              + uncaught.group(1)
              + uncaught.group(2).trim(),
          uncaught.group(1),
          log.substring(uncaught.start(1)).trim());
    }
    if (exitCode == null) {
      return failed(
          "The job process was killed before it could record an exit code "
              + "(e.g. by the OS out-of-memory killer or while the gateway was down).",
          "ProcessKilled",
          null);
    }
    if (exitCode > 128) {
      return failed(
          "The job process was killed by signal "
              + (exitCode - 128)
              + " (e.g. by the OS out-of-memory killer or an operator).",
          "ProcessKilled",
          null);
    }
    return failed(
        "The program exited with code " + exitCode + "; see the job's logs for why.",
        "ProcessExit",
        null);
  }

  /** A failure the gateway found itself (the job could not start, its result is over the cap). */
  static Outcome failed(String reason, String exception, String trace) {
    return new Outcome(JobStatus.FAILED, reason, exception, trace);
  }
}
