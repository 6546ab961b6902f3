package io.qserverless.gateway.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.protocol.JobStatus;
import org.junit.jupiter.api.Test;

/**
 * How what a process left (exit code, stop request, log tail) becomes a final status and reason.
 */
class OutcomeTest {

  @Test
  void exit_code_zero_succeeds() {
    assertThat(Outcome.decide(0, false, null, "done").status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void a_requested_stop_wins_over_the_exit_code() {
    Outcome o = Outcome.decide(143, true, "Stopped by alice.", "");
    assertThat(o.status()).isEqualTo(JobStatus.STOPPED);
    assertThat(o.reason()).isEqualTo("Stopped by alice.");
    assertThat(o.exception()).isNull();
  }

  @Test
  void exit_code_3_with_the_jvm_oom_line_is_an_out_of_memory_failure_not_a_plain_exit() {
    Outcome o =
        Outcome.decide(
            3,
            false,
            null,
            "working\nTerminating due to java.lang.OutOfMemoryError: Java heap space\n");
    assertThat(o.status()).isEqualTo(JobStatus.FAILED);
    assertThat(o.reason())
        .contains("ran out of memory (java.lang.OutOfMemoryError: Java heap space)");
    assertThat(o.exception()).isEqualTo("java.lang.OutOfMemoryError");
    assertThat(Outcome.decide(3, false, null, "working\n").reason()).contains("exited with code 3");
  }

  @Test
  void an_uncaught_exception_gives_its_first_line_as_reason_its_class_as_exception_and_its_trace() {
    Outcome o =
        Outcome.decide(
            1,
            false,
            null,
            "Exception in thread \"main\" java.lang.IllegalStateException: boom\n\tat Main.main(Main.java:3)\n");
    assertThat(o.reason()).endsWith("uncaught exception: java.lang.IllegalStateException: boom");
    assertThat(o.exception()).isEqualTo("java.lang.IllegalStateException");
    assertThat(o.trace()).contains("at Main.main(Main.java:3)");
  }

  @Test
  void a_signal_exit_or_a_missing_exit_code_says_the_process_was_killed() {
    assertThat(Outcome.decide(137, false, null, "").reason()).contains("killed by signal 9");
    assertThat(Outcome.decide(null, false, null, null).reason())
        .contains("killed before it could record an exit code");
  }
}
