package io.qserverless.gateway.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A job's log as users read it: without the JDK's line about the Vector API module. */
class JobDirectoryTest {
  private static final String NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector\n";

  @Test
  void the_jvm_notice_goes_wherever_each_jvm_printed_it() {
    assertThat(
            JobDirectory.withoutJvmNotice(
                NOTICE + "[worker-1] up\n" + NOTICE + "result 42\n" + NOTICE))
        .isEqualTo("[worker-1] up\nresult 42\n");
  }

  @Test
  void only_whole_lines_equal_to_the_notice_go() {
    String log =
        "x"
            + NOTICE
            + NOTICE.replace("\n", " and more\n")
            + "[worker-2] "
            + NOTICE
            + NOTICE.strip();
    assertThat(JobDirectory.withoutJvmNotice(log)).isEqualTo(log);
  }
}
