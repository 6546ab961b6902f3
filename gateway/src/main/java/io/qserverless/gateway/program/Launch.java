package io.qserverless.gateway.program;

import io.qserverless.gateway.dependency.ResolvedDependency;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a function's program, decided once at upload.
 *
 * @param mainClass the Java main class, or null for a non-Java program
 * @param classpath entries relative to the artifact directory, before the platform jars, then the
 *     absolute paths of the dependency jars (Java only)
 * @param command program and arguments relative to the artifact's {@code app} directory (non-Java
 *     only)
 * @param dependencies the resolved dependency jars (coordinates, SHA-256), as recorded with the
 *     version
 */
public record Launch(
    String mainClass,
    List<String> classpath,
    List<String> command,
    List<ResolvedDependency> dependencies) {

  public Launch {
    // Launches stored before dependencies were resolved have none.
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
  }

  public static Launch java(
      String mainClass, List<String> classpath, List<ResolvedDependency> dependencies) {
    List<String> cp = new ArrayList<>(classpath);
    dependencies.forEach(d -> cp.add(d.jar()));
    return new Launch(mainClass, List.copyOf(cp), List.of(), dependencies);
  }

  public static Launch command(List<String> command) {
    return new Launch(null, List.of(), List.copyOf(command), List.of());
  }

  public boolean isJava() {
    return mainClass != null;
  }
}
