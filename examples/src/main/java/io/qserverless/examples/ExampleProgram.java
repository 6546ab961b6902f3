package io.qserverless.examples;

import io.qserverless.client.QiskitFunction;
import io.qserverless.client.ServerlessClient;
import io.qserverless.examples.programs.DetailedStatuses;
import io.qserverless.examples.programs.DistributedTranspilation;
import io.qserverless.examples.programs.FileRoundTrip;
import io.qserverless.examples.programs.ParallelWorkflow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The seed programs, each a single Java source in {@code io.qserverless.examples.programs}, and how
 * to upload one: its source (carried in the examples jar) becomes the function's working directory,
 * which the gateway compiles at upload.
 *
 * <p>The build compiles the same sources, so a change of the runtime API that breaks an example
 * breaks the build.
 */
public enum ExampleProgram {
  PARALLEL_WORKFLOW(
      "parallel-workflow",
      ParallelWorkflow.class,
      "Computes the quasi-distribution of each circuit in its own distributed task."),
  DETAILED_STATUSES(
      "detailed-statuses", DetailedStatuses.class, "Walks through the five detailed statuses."),
  DISTRIBUTED_TRANSPILATION(
      "distributed-transpilation",
      DistributedTranspilation.class,
      "Transpiles a list of circuits for a backend, one distributed task per circuit."),
  FILE_ROUND_TRIP(
      "file-round-trip", FileRoundTrip.class, "Extracts a stored tar and stores a summary tar.");

  private final String title;
  private final Class<?> program;
  private final String description;

  ExampleProgram(String title, Class<?> program, String description) {
    this.title = title;
    this.program = program;
    this.description = description;
  }

  /** The function title it is uploaded under, e.g. {@code parallel-workflow}. */
  public String title() {
    return title;
  }

  /** The entrypoint inside its working directory, e.g. {@code ParallelWorkflow.java}. */
  public String entrypoint() {
    return program.getSimpleName() + ".java";
  }

  /** Writes the program's working directory (its one source file) under {@code parent}. */
  public Path workingDir(Path parent) {
    String resource = program.getName().replace('.', '/') + ".java";
    try (InputStream source = ExampleProgram.class.getClassLoader().getResourceAsStream(resource)) {
      if (source == null) {
        throw new IllegalStateException(
            "the source " + resource + " is not on the class path; rebuild the examples module");
      }
      Path dir = Files.createDirectories(parent.resolve(title));
      Files.copy(
          source, dir.resolve(entrypoint()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the working directory of " + title + " under " + parent, e);
    }
  }

  /** Uploads the program to {@code client}'s gateway; returns the uploaded function. */
  public QiskitFunction upload(ServerlessClient client) {
    Path parent = null;
    try {
      parent = Files.createTempDirectory("qs-example-");
      Path dir = workingDir(parent);
      QiskitFunction uploaded =
          client.upload(QiskitFunction.of(title, entrypoint(), dir).withDescription(description));
      Files.delete(dir.resolve(entrypoint()));
      Files.delete(dir);
      Files.delete(parent);
      return uploaded;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write or remove the temporary working directory of " + title + " under " + parent,
          e);
    }
  }
}
