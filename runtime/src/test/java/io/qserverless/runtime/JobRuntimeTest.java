package io.qserverless.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.protocol.JobEnvironment;
import io.qserverless.protocol.value.ValueEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRuntimeTest {
  @TempDir Path dir;

  private JobRuntime runtime(String arguments) throws Exception {
    Path args = Files.writeString(dir.resolve("arguments.json"), arguments);
    return new JobRuntime(
        Map.of(
            "ARGUMENTS_PATH", args.toString(),
            "RESULTS_PATH", dir.resolve("result.json").toString(),
            "DATA_PATH", dir.toString(),
            "QS_JOB_CPU", "1.5"));
  }

  @Test
  void arguments_are_read_from_the_arguments_file_with_numbers_converted_to_the_asked_type()
      throws Exception {
    Arguments args =
        runtime("{\"optimization_level\": 3, \"backend\": \"fake_7q\", \"angles\": [0.5, 1]}")
            .arguments();

    assertThat(args.getInt("optimization_level")).isEqualTo(3);
    assertThat(args.getDouble("optimization_level")).isEqualTo(3.0);
    assertThat(args.getString("backend")).isEqualTo("fake_7q");
    assertThat(args.getList("angles", Double.class)).containsExactly(0.5, 1.0);
    assertThat(args.get("seed", Integer.class, 42)).isEqualTo(42);
  }

  @Test
  void a_missing_or_mistyped_argument_is_refused_with_its_name_and_what_was_expected()
      throws Exception {
    Arguments args = runtime("{\"optimization_level\": \"three\", \"x\": 1.5}").arguments();

    assertThatThrownBy(() -> args.getString("backend"))
        .hasMessageContaining("no argument 'backend'")
        .hasMessageContaining("[optimization_level, x]");
    assertThatThrownBy(() -> args.getInt("optimization_level"))
        .hasMessageContaining("argument 'optimization_level' is String (three), expected Integer");
    assertThatThrownBy(() -> args.getInt("x"))
        .hasMessageContaining("is Double (1.5), expected Integer");
  }

  @Test
  void arguments_that_are_not_a_json_object_are_refused() throws Exception {
    assertThatThrownBy(() -> runtime("[1, 2]").arguments())
        .hasMessageContaining("not a JSON object but [1, 2]");
  }

  @Test
  void save_result_writes_the_results_file_and_the_last_call_wins() throws Exception {
    JobRuntime runtime = runtime("{}");
    runtime.saveResult(Map.of("results", List.of(Map.of(1, 0.5, 3, 0.5))));
    runtime.saveResult(Map.of("results", List.of(Map.of(0, 1.0))));

    assertThat(Files.readString(dir.resolve("result.json")))
        .isEqualTo("{\"results\":[{\"0\":1.0}]}");
  }

  @Test
  void a_result_that_cannot_be_encoded_fails_clearly_and_keeps_the_previous_result()
      throws Exception {
    JobRuntime runtime = runtime("{}");
    runtime.saveResult(Map.of("energy", -1.5));

    assertThatThrownBy(() -> runtime.saveResult(Map.of("energy", Double.NaN)))
        .isInstanceOf(ValueEncodingException.class)
        .hasMessageContaining("NaN at $.energy");
    assertThatThrownBy(() -> runtime.saveResult(List.of(new Object())))
        .isInstanceOf(ValueEncodingException.class)
        .hasMessageContaining("java.lang.Object at $[0]");
    assertThat(Files.readString(dir.resolve("result.json"))).isEqualTo("{\"energy\":-1.5}");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .doesNotContain(".tmp")
          .allMatch(n -> !n.endsWith(".tmp"));
    }
  }

  @Test
  void the_allotment_comes_from_the_environment_and_a_bad_value_is_refused() throws Exception {
    assertThat(runtime("{}").tasks().limit().cpu()).isEqualTo(1.5);
    assertThatThrownBy(() -> new JobRuntime(Map.of("QS_JOB_CPU", "two")).tasks())
        .hasMessageContaining("QS_JOB_CPU='two' is not a number >= 0");
  }

  @Test
  void without_settings_the_allotment_is_the_machines_cores_and_physical_memory() {
    Resources machine = new JobRuntime(Map.of()).tasks().limit();

    assertThat(machine.cpu()).isEqualTo(Runtime.getRuntime().availableProcessors());
    long jmx =
        ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
    assertThat(machine.mem()).isCloseTo(jmx, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(machine.gpu()).isZero();
  }

  @Test
  void outside_a_gateway_files_are_the_local_data_directory() throws Exception {
    JobRuntime runtime = runtime("{}");
    Path outside = Files.createDirectories(dir.resolve("work"));
    Path tar = Files.write(outside.resolve("input.tar"), new byte[] {1, 2, 3});

    runtime.files().upload(tar);
    assertThat(runtime.files().list()).contains("input.tar");
    Path back = runtime.files().download("input.tar", dir.resolve("copy"));
    assertThat(Files.readAllBytes(back)).containsExactly(1, 2, 3);
    runtime.files().delete("input.tar");
    assertThat(runtime.files().list()).doesNotContain("input.tar");
    assertThatThrownBy(() -> runtime.files().delete("../arguments.json"))
        .hasMessageContaining("'../arguments.json' is not a plain file name");
    assertThat(dir.resolve("arguments.json")).exists();
  }

  @Test
  void a_task_placed_on_a_worker_before_its_executor_is_set_waits_for_it_and_joins_nothing()
      throws Exception {
    // A worker's member takes tasks as soon as it joined; a task distributing from there must use
    // that member, not start one more member of the job's cluster under the worker's name.
    JobRuntime worker =
        new JobRuntime(
            Map.of(
                JobEnvironment.CLUSTER_NAME,
                "qs-test",
                JobEnvironment.WORKER_INDEX,
                "2",
                "QS_JOB_CPU",
                "1"));
    CompletableFuture<TaskExecutor> seen = CompletableFuture.supplyAsync(worker::tasks);
    Thread.sleep(200);
    assertThat(seen).as("no executor yet: the task waits").isNotDone();

    TaskExecutor own = new LocalTaskExecutor(new Resources(1, 1 << 20, 0));
    worker.useTasks(own);
    assertThat(seen.get(5, TimeUnit.SECONDS)).isSameAs(own);
  }
}
