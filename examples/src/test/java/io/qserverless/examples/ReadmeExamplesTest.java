package io.qserverless.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.client.Job;
import io.qserverless.client.QiskitFunction;
import io.qserverless.quantum.circuit.QuantumCircuit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java examples are what a newcomer copies first: they must compile and run. */
@Timeout(120)
class ReadmeExamplesTest {
  private static final Path README = Path.of("..", "README.md");

  @TempDir Path dir;

  @Test
  void the_readme_program_runs_through_a_real_gateway_and_samples_a_bell_pair_exactly()
      throws IOException {
    Path workingDir = Files.createDirectories(dir.resolve("my-dir"));
    Files.writeString(
        workingDir.resolve("ParallelWorkflow.java"),
        block("import static io.qserverless.runtime.Serverless"));
    QiskitFunction fn =
        LocalGateway.client()
            .upload(
                QiskitFunction.of("readme-parallel-workflow", "ParallelWorkflow.java", workingDir));

    // Bell pair (|00> + |11>)/√2 measured: {0: 1/2, 3: 1/2}
    Job job = fn.run(Map.of("circuits", List.of(new QuantumCircuit(2).h(0).cx(0, 1).measureAll())));

    Map<?, ?> result = (Map<?, ?>) job.result(Duration.ofSeconds(90));
    Map<?, ?> bell = (Map<?, ?>) ((List<?>) result.get("results")).getFirst();
    assertThat(bell.keySet().stream().map(Object::toString)).containsExactlyInAnyOrder("0", "3");
    assertThat(((Number) bell.get("0")).doubleValue()).isCloseTo(0.5, within(1e-12));
    assertThat(((Number) bell.get("3")).doubleValue()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void the_readme_sdk_example_compiles_against_the_sdk() throws IOException {
    String source =
        """
        import io.qserverless.client.*;
        import io.qserverless.quantum.circuit.QuantumCircuit;
        import io.qserverless.quantum.circuit.random.RandomCircuit;
        import java.nio.file.Path;
        import java.util.*;

        class SdkExample {
          void example() {
        %s
          }
        }
        """
            .formatted(block("ServerlessClient client"));
    Path file = Files.writeString(dir.resolve("SdkExample.java"), source);

    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    var compiler = ToolProvider.getSystemJavaCompiler();
    try (var files = compiler.getStandardFileManager(diagnostics, null, null)) {
      boolean ok =
          compiler
              .getTask(
                  null,
                  files,
                  diagnostics,
                  List.of(
                      "-d",
                      dir.resolve("classes").toString(),
                      "-cp",
                      System.getProperty("java.class.path")),
                  null,
                  files.getJavaFileObjects(file))
              .call();
      assertThat(ok).as("%s", diagnostics.getDiagnostics()).isTrue();
    }
  }

  /** The README's ```java block that starts with {@code prefix}. */
  private static String block(String prefix) throws IOException {
    Matcher m =
        Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks.stream()
        .filter(b -> b.startsWith(prefix))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("README.md has no ```java block starting with " + prefix));
  }
}
