package io.qserverless.gateway.runner;

import io.qserverless.protocol.JobStatus;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a job ended, decided from what its process left: the exit code (or none, when the wrapper
 * itself was killed), whether a stop was requested, and the tail of its log.
 *
 * @param error the exception text for the job's ERROR event, or null when it succeeded or was stopped
 */
record Outcome(JobStatus status, String reason, String error) {
  // -XX:+ExitOnOutOfMemoryError prints this line and exits with code 3, the same code as System.exit(3).
  private static final Pattern OOM = Pattern.compile("Terminating due to (java\\.lang\\.OutOfMemoryError[^\\n]*)");
  private static final Pattern UNCAUGHT = Pattern.compile("(?s)Exception in thread \"[^\"]*\" ([^\\n]*)");

  static Outcome decide(Integer exitCode, boolean stopRequested, String stopReason, String logTail) {
    if (stopRequested) {
      return new Outcome(JobStatus.STOPPED, stopReason, null);
    }
    if (exitCode != null && exitCode == 0) {
      return new Outcome(JobStatus.SUCCEEDED, "", null);
    }
    String log = logTail == null ? "" : logTail;
    Matcher oom = OOM.matcher(log);
    if (oom.find()) {
      return failed("The job ran out of memory (" + oom.group(1).trim()
          + "); ask for more with \"mem\" in the run config or use less.", oom.group(1).trim());
    }
    Matcher uncaught = UNCAUGHT.matcher(log);
    if (uncaught.find()) {
      String text = log.substring(uncaught.start(1)).trim();
      return failed("The program ended with an uncaught exception: " + uncaught.group(1).trim(), text);
    }
    if (exitCode == null) {
      return failed("The job process was killed before it could record an exit code "
          + "(e.g. by the OS out-of-memory killer or while the gateway was down).", null);
    }
    if (exitCode > 128) {
      return failed("The job process was killed by signal " + (exitCode - 128)
          + " (e.g. by the OS out-of-memory killer or an operator).", null);
    }
    return failed("The program exited with code " + exitCode + "; see the job's logs for why.", null);
  }

  private static Outcome failed(String reason, String error) {
    return new Outcome(JobStatus.FAILED, reason, error == null ? reason : error);
  }
}
