package io.qserverless.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LocalTaskExecutorTest {

  @Test
  void tasks_start_only_while_their_cpu_fits_the_free_allotment() throws Exception {
    LocalTaskExecutor executor = new LocalTaskExecutor(new Resources(2, 1L << 30, 0));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    List<TaskRef<Integer>> refs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int n = i;
      refs.add(
          executor.submit(
              Resources.cpu(1),
              () -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                release.await();
                running.decrementAndGet();
                return n * n;
              }));
    }
    Thread.sleep(200);
    assertThat(running.get()).isEqualTo(2);
    release.countDown();

    assertThat(executor.get(refs)).containsExactly(0, 1, 4, 9, 16, 25);
    assertThat(mostAtOnce.get()).isEqualTo(2);
  }

  @Test
  void fractional_cpu_lets_two_half_core_tasks_run_together_on_one_core() throws Exception {
    LocalTaskExecutor executor = new LocalTaskExecutor(new Resources(1, 0, 0));
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    TaskRef<Integer> a =
        executor.submit(Resources.cpu(0.5), () -> bothRunning.await(10, TimeUnit.SECONDS));
    TaskRef<Integer> b =
        executor.submit(Resources.cpu(0.5), () -> bothRunning.await(10, TimeUnit.SECONDS));

    assertThat(executor.get(List.of(a, b))).containsExactlyInAnyOrder(0, 1);
  }

  @Test
  void memory_is_admitted_like_cpu() throws Exception {
    long gib = 1L << 30;
    LocalTaskExecutor executor = new LocalTaskExecutor(new Resources(8, 3 * gib, 0));
    CountDownLatch release = new CountDownLatch(1);
    TaskRef<String> first =
        executor.submit(
            Resources.cpu(1).withMem(2 * gib),
            () -> {
              release.await();
              return "first";
            });
    TaskRef<String> second = executor.submit(Resources.cpu(1).withMem(2 * gib), () -> "second");
    Thread.sleep(200);

    assertThat(second.isDone()).as("second 2 GiB task waits: only 1 GiB free").isFalse();
    release.countDown();
    assertThat(executor.get(List.of(first, second))).containsExactly("first", "second");
  }

  @Test
  void a_task_larger_than_the_whole_allotment_fails_at_once_with_asked_free_and_limit() {
    LocalTaskExecutor executor = new LocalTaskExecutor(new Resources(2, 1024, 0));

    assertThatThrownBy(() -> executor.submit(Resources.cpu(16), () -> 1))
        .isInstanceOf(ResourcesExceededException.class)
        .hasMessageContaining("asks cpu=16.0")
        .hasMessageContaining("whole allotment is cpu=2.0")
        .hasMessageContaining("free now: cpu=2.0")
        .hasMessageContaining("QS_JOB_CPU");
    assertThatThrownBy(() -> executor.submit(Resources.cpu(0).withGpu(1), () -> 1))
        .isInstanceOf(ResourcesExceededException.class)
        .hasMessageContaining("gpu=1");
  }

  @Test
  void an_exception_in_a_task_comes_back_from_get_with_the_task_as_cause() {
    LocalTaskExecutor executor = new LocalTaskExecutor(new Resources(2, 0, 0));
    TaskRef<Integer> ok = executor.submit(Resources.cpu(1), () -> 1);
    TaskRef<Integer> bad =
        executor.submit(
            Resources.cpu(1),
            () -> {
              throw new IllegalStateException("qubit 7 does not exist");
            });

    assertThatThrownBy(() -> executor.get(List.of(ok, bad)))
        .isInstanceOf(TaskFailedException.class)
        .hasMessageContaining("task 2 failed")
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("qubit 7 does not exist")
        .satisfies(
            c -> assertThat(c.getStackTrace()[0].getClassName()).contains("LocalTaskExecutorTest"));
  }

  @Test
  void nested_tasks_that_wait_for_their_children_do_not_deadlock_a_one_core_allotment() {
    LocalTaskExecutor executor = new LocalTaskExecutor(new Resources(1, 0, 0));
    List<TaskRef<Integer>> parents = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      int base = p * 10;
      parents.add(
          executor.submit(
              Resources.cpu(1),
              () -> {
                List<TaskRef<Integer>> children = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                  int n = base + c;
                  children.add(executor.submit(Resources.cpu(1), () -> n));
                }
                return executor.get(children).stream().mapToInt(Integer::intValue).sum();
              }));
    }

    assertThat(executor.get(parents)).containsExactly(3, 33, 63);
  }

  @Test
  void results_come_back_in_the_order_of_the_references_not_of_completion() {
    LocalTaskExecutor executor = new LocalTaskExecutor(new Resources(4, 0, 0));
    TaskRef<String> slow =
        executor.submit(
            Resources.cpu(1),
            () -> {
              Thread.sleep(100);
              return "slow";
            });
    TaskRef<String> fast = executor.submit(Resources.cpu(1), () -> "fast");

    assertThat(executor.get(List.of(slow, fast))).containsExactly("slow", "fast");
  }
}
