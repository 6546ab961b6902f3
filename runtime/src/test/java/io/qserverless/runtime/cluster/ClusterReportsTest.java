package io.qserverless.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.runtime.Resources;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A driver's listener that is slow to report a join (under a gateway it sends an event over HTTP)
 * holds up neither the next worker's join nor the driver's wait for its workers; closing the driver
 * still delivers every report, in order. Three members in this JVM.
 */
@Timeout(120)
class ClusterReportsTest {
  private static final Resources NONE = new Resources(0, 0, 0);
  private static final Resources ONE = new Resources(1, 64L << 20, 0);

  @Test
  void a_listener_busy_with_one_join_delays_neither_the_next_join_nor_the_reports_at_close()
      throws Exception {
    ClusterSettings settings = LocalWorkers.settings(2);
    CountDownLatch reporting = new CountDownLatch(1);
    List<String> reported = new CopyOnWriteArrayList<>();
    ClusterMember.Listener slow =
        new ClusterMember.Listener() {
          @Override
          public void joined(String name, String address, Resources allotment, String reason) {
            try {
              reporting.await(); // held until the driver has seen every worker
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            reported.add(name + " joined");
          }

          @Override
          public void left(String name, String address, String reason) {
            reported.add(name + " left");
          }
        };
    ClusterMember driver = ClusterMember.start(settings, NONE, slow);
    try (ClusterMember one = worker(settings, 1);
        ClusterMember two = worker(settings, 2)) {
      driver.awaitWorkers(); // before the change: stuck behind the first report, then "only 1 of 2"

      assertThat(driver.total()).isEqualTo(new Resources(2, 2 * ONE.mem(), 0));
      assertThat(reported).isEmpty();
      reporting.countDown();
      driver.close();
    }

    assertThat(reported)
        .as("both joins reported by the time close returns, in the order they happened")
        .hasSize(2)
        .allMatch(r -> r.endsWith(" joined"))
        .extracting(r -> r.substring(0, r.indexOf(' ')))
        .containsExactly("worker-1", "worker-2");
  }

  private static ClusterMember worker(ClusterSettings settings, int index) {
    return ClusterMember.start(
        ClusterSettings.fromEnvironment(settings.workerEnvironment(index), 2, ONE),
        ONE,
        new ClusterMember.Listener() {
          @Override
          public void joined(String name, String address, Resources allotment, String reason) {}

          @Override
          public void left(String name, String address, String reason) {}
        });
  }
}
