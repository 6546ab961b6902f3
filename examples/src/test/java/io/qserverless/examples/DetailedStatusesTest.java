package io.qserverless.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.client.Job;
import io.qserverless.client.JobInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class DetailedStatusesTest {

  @Test
  void the_client_sees_every_detailed_status_in_order_and_then_done() throws Exception {
    ExampleProgram.DETAILED_STATUSES.upload(LocalGateway.client());
    Job job =
        LocalGateway.client()
            .run(ExampleProgram.DETAILED_STATUSES.title(), Map.of("stage_millis", 400));

    List<String> seen = new ArrayList<>();
    JobInfo info;
    do {
      info = job.info();
      if (seen.isEmpty() || !seen.getLast().equals(info.shown())) {
        seen.add(info.shown());
      }
      Thread.sleep(20);
    } while (!info.status().isTerminal());

    assertThat(seen)
        .containsSubsequence(
            "RUNNING: MAPPING",
            "RUNNING: OPTIMIZING_FOR_HARDWARE",
            "RUNNING: WAITING_FOR_QPU",
            "RUNNING: EXECUTING_QPU",
            "RUNNING: POST_PROCESSING",
            "DONE");
    assertThat(seen.getFirst()).isIn("QUEUED", "INITIALIZING", "RUNNING", "RUNNING: MAPPING");
    assertThat(job.result(Duration.ofSeconds(10)))
        .isEqualTo(
            Map.of(
                "stages",
                List.of(
                    "RUNNING: MAPPING",
                    "RUNNING: OPTIMIZING_FOR_HARDWARE",
                    "RUNNING: WAITING_FOR_QPU",
                    "RUNNING: EXECUTING_QPU",
                    "RUNNING: POST_PROCESSING")));
  }
}
