package io.qserverless.gateway.program;

import java.util.List;

/**
 * How to start a function's program, decided once at upload.
 *
 * @param mainClass the Java main class, or null for a non-Java program
 * @param classpath entries relative to the artifact directory, before the platform jars (Java only)
 * @param command program and arguments relative to the artifact's {@code app} directory (non-Java only)
 */
public record Launch(String mainClass, List<String> classpath, List<String> command) {

  public static Launch java(String mainClass, List<String> classpath) {
    return new Launch(mainClass, List.copyOf(classpath), List.of());
  }

  public static Launch command(List<String> command) {
    return new Launch(null, List.of(), List.copyOf(command));
  }

  public boolean isJava() {
    return mainClass != null;
  }
}
