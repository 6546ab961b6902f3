package io.qserverless.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.client.GatewayException;
import io.qserverless.client.Job;
import io.qserverless.client.JobFailedException;
import io.qserverless.client.JobQuery;
import io.qserverless.client.JobTimeoutException;
import io.qserverless.client.QiskitFunction;
import io.qserverless.client.ServerlessClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The SDK's view of a job that is waited on, stopped and looked up, through a real gateway. */
@Timeout(120)
class JobLifecycleTest {

  @Test
  void
      a_wait_that_runs_out_then_a_stop_ends_the_job_canceled_with_its_history_and_listed_as_stopped()
          throws InterruptedException {
    ServerlessClient client = LocalGateway.client();
    QiskitFunction fn = ExampleProgram.DETAILED_STATUSES.upload(client);
    Job job = fn.run(Map.of("stage_millis", 20_000));

    assertThatThrownBy(() -> job.result(Duration.ofMillis(300)))
        .isInstanceOf(JobTimeoutException.class)
        .hasMessageContaining("is still");
    assertThat(job.inTerminalState()).isFalse();

    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!job.status().equals("RUNNING: MAPPING") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(job.status()).isEqualTo("RUNNING: MAPPING");
    assertThat(job.stop()).isEqualTo("Job " + job.id() + " is being stopped.");
    assertThatThrownBy(job::result)
        .isInstanceOf(JobFailedException.class)
        .hasMessageContaining("canceled")
        .satisfies(e -> assertThat(((JobFailedException) e).status()).isEqualTo("CANCELED"));
    assertThat(job.status()).isEqualTo("CANCELED");
    assertThat(job.events())
        .filteredOn(e -> e.type().equals("STATUS_CHANGE"))
        .extracting(e -> e.data().get("status").asString())
        .containsExactly("QUEUED", "PENDING", "RUNNING", "STOPPED");
    assertThat(job.events())
        .filteredOn(e -> e.type().equals("SUB_STATUS_CHANGE"))
        .extracting(e -> e.data().get("sub_status").asString())
        .containsExactly("MAPPING");
    assertThat(job.stop())
        .isEqualTo("Job " + job.id() + " had already finished as STOPPED; nothing to stop.");
    assertThat(client.jobs(JobQuery.first(50).withStatus("STOPPED").withFunction(fn.title())))
        .extracting(Job::id)
        .contains(job.id());
    assertThat(client.job(job.id()).lastInfo().function()).isEqualTo(fn.title());
  }

  @Test
  void functions_are_listed_and_fetched_by_title_and_an_unknown_title_is_404() {
    ServerlessClient client = LocalGateway.client();
    QiskitFunction uploaded = ExampleProgram.FILE_ROUND_TRIP.upload(client);

    assertThat(client.functions()).extracting(QiskitFunction::title).contains(uploaded.title());
    QiskitFunction fetched = client.function(uploaded.title());
    assertThat(fetched.entrypoint()).isEqualTo(ExampleProgram.FILE_ROUND_TRIP.entrypoint());
    assertThat(fetched.description()).isNotBlank();
    assertThatThrownBy(() -> client.function("no-such-function"))
        .isInstanceOf(GatewayException.class)
        .satisfies(e -> assertThat(((GatewayException) e).status()).isEqualTo(404));
  }
}
