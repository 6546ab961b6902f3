package io.qserverless.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.primitives.QuasiDistribution;
import io.qserverless.quantum.primitives.Sampler;
import io.qserverless.runtime.cluster.ClusterMember;
import io.qserverless.runtime.cluster.ClusterSettings;
import io.qserverless.runtime.cluster.LocalWorkers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tasks across real JVMs: the test JVM is the driver (no cpu of its own, so every task runs on a
 * worker), with two worker JVMs of one core and 1 GiB each, started as a plain-java run starts
 * them.
 */
@Timeout(120)
class ClusterTaskExecutorTest {
  private static final long GIB = 1L << 30;
  private static LocalWorkers workers;
  private static ClusterMember driver;
  private static ClusterTaskExecutor cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    ClusterSettings settings = LocalWorkers.settings(2);
    workers = LocalWorkers.start(settings, new Resources(1, GIB, 0));
    driver = ClusterMember.start(settings, new Resources(0, 0, 0), new ClusterLog(null, null));
    driver.awaitWorkers();
    cluster = new ClusterTaskExecutor(driver);
  }

  @AfterAll
  static void stopCluster() {
    if (driver != null) {
      driver.close();
    }
    workers.close();
  }

  @Test
  void tasks_run_in_the_worker_jvms_and_come_back_in_order() {
    List<TaskRef<String>> refs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int n = i;
      refs.add(cluster.submit(Resources.cpu(0.1), () -> n + "@" + JvmId.ID));
    }
    List<String> results = cluster.get(refs);

    for (int i = 0; i < 20; i++) {
      assertThat(results.get(i)).startsWith(i + "@");
    }
    assertThat(results.stream().map(r -> r.substring(r.indexOf('@') + 1)).distinct())
        .as("two worker JVMs, not the driver's")
        .hasSize(2)
        .doesNotContain(JvmId.ID);
    assertThat(cluster.limit()).isEqualTo(new Resources(2, 2 * GIB, 0));
  }

  @Test
  void a_member_runs_no_more_tasks_at_once_than_its_cpu_allows() {
    List<TaskRef<long[]>> refs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      refs.add(cluster.submit(Resources.cpu(1), ClusterTaskExecutorTest::interval));
    }
    List<long[]> intervals = cluster.get(refs);

    assertThat(mostAtOnce(intervals))
        .as("two 1-core workers: two 1-cpu tasks at a time")
        .isEqualTo(2);
  }

  @Test
  void memory_is_placed_like_cpu_and_a_task_larger_than_any_member_fails_at_once() {
    assertThatThrownBy(() -> cluster.submit(Resources.cpu(1).withMem(2 * GIB), () -> 1))
        .isInstanceOf(ResourcesExceededException.class)
        .hasMessageContaining("asks cpu=1.0, mem=2147483648 bytes")
        .hasMessageContaining("the largest member is worker-")
        .hasMessageContaining("with cpu=1.0, mem=1073741824 bytes")
        .hasMessageContaining("have cpu=2.0, mem=2147483648 bytes, gpu=0 in all");
    assertThatThrownBy(() -> cluster.submit(Resources.cpu(0).withGpu(1), () -> 1))
        .isInstanceOf(ResourcesExceededException.class)
        .hasMessageContaining("gpu=1");
  }

  @Test
  void a_task_exception_comes_back_with_its_remote_stack_trace_as_cause() {
    TaskRef<Integer> ok = cluster.submit(Resources.cpu(0.5), () -> 1);
    TaskRef<Integer> bad =
        cluster.submit(Resources.cpu(0.5), ClusterTaskExecutorTest::failInWorker);

    assertThatThrownBy(() -> cluster.get(List.of(ok, bad)))
        .isInstanceOf(TaskFailedException.class)
        .hasMessageContaining("task " + bad.id() + " failed")
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("qubit 7 does not exist in JVM ")
        .hasMessageNotContaining(JvmId.ID)
        .satisfies(c -> assertThat(c.getStackTrace()[0].getMethodName()).isEqualTo("failInWorker"));
  }

  @Test
  void a_task_capturing_a_value_that_is_not_serializable_fails_at_distribute_naming_its_type() {
    Thread notSerializable = Thread.currentThread();

    assertThatThrownBy(() -> cluster.submit(Resources.cpu(0.5), () -> notSerializable.getName()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "captures a value of type java.lang.Thread, which is not java.io.Serializable");
  }

  @Test
  void a_result_that_is_not_serializable_fails_at_get_saying_so() {
    TaskRef<Object> ref = cluster.submit(Resources.cpu(0.5), Object::new);

    assertThatThrownBy(() -> cluster.get(List.of(ref)))
        .isInstanceOf(TaskFailedException.class)
        .hasMessageContaining(
            "returned a value holding a java.lang.Object, which is not java.io.Serializable");
  }

  @Test
  void circuits_travel_to_a_worker_and_quasi_distributions_come_back() {
    // Bell pair (|00> + |11>)/√2: {0: 1/2, 3: 1/2}
    QuantumCircuit bell = new QuantumCircuit(2).h(0).cx(0, 1).measureAll();

    QuasiDistribution dist =
        cluster
            .get(
                List.of(
                    cluster.submit(
                        Resources.cpu(1),
                        () -> new Sampler().run(bell).result().quasiDists().get(0))))
            .getFirst();

    assertThat(dist).containsOnlyKeys(0, 3);
    assertThat(dist.get(0)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void nested_tasks_waiting_for_their_children_do_not_deadlock_one_core_workers() {
    List<TaskRef<Integer>> parents = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      int base = p * 10;
      parents.add(cluster.submit(Resources.cpu(1), () -> sumOfChildren(base)));
    }

    assertThat(cluster.get(parents)).containsExactly(3, 33, 63);
  }

  /**
   * Runs in a worker: distributes three 1-cpu children through the worker's own member and waits.
   */
  private static int sumOfChildren(int base) {
    List<TaskRef<Integer>> children = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      int n = base + c;
      children.add(Serverless.distribute(Resources.cpu(1), () -> n));
    }
    return Serverless.get(children).stream().mapToInt(Integer::intValue).sum();
  }

  private static int failInWorker() {
    throw new IllegalStateException("qubit 7 does not exist in JVM " + JvmId.ID);
  }

  private static long[] interval() throws InterruptedException {
    long start = System.currentTimeMillis();
    Thread.sleep(300);
    return new long[] {start, System.currentTimeMillis()};
  }

  static int mostAtOnce(List<long[]> intervals) {
    int most = 0;
    for (long[] a : intervals) {
      int overlapping = 0;
      for (long[] b : intervals) {
        if (b[0] <= a[0] && a[0] < b[1]) {
          overlapping++;
        }
      }
      most = Math.max(most, overlapping);
    }
    return most;
  }
}
