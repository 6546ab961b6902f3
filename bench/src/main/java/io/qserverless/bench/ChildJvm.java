package io.qserverless.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A benchmark's measured program in a fresh JVM of this class path, as a job's JVM would be. */
final class ChildJvm {
  private ChildJvm() {}

  /**
   * Runs {@code main} with {@code env} added, shows its output lines indented and hands each to
   * {@code onLine} as it comes; returns them all. Fails if the child fails.
   */
  static List<String> run(
      Class<?> main, Map<String, String> env, Consumer<String> onLine, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    List<String> lines = new ArrayList<>();
    try {
      Process p = pb.start();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          System.out.println("    " + line);
          lines.add(line);
          onLine.accept(line);
        }
      }
      if (p.waitFor() != 0) {
        throw new IllegalStateException(main.getSimpleName() + " exited with " + p.exitValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return lines;
  }

  /**
   * The machine and its load, printed before figures (the machine is shared with parallel builds).
   */
  static void printMachine() {
    try {
      String model =
          new String(
                  new ProcessBuilder("sh", "-c", "lscpu | grep 'Model name' | sed 's/  */ /g'")
                      .start()
                      .getInputStream()
                      .readAllBytes(),
                  StandardCharsets.UTF_8)
              .strip();
      System.out.println(
          model
              + "; "
              + Runtime.getRuntime().availableProcessors()
              + " cores; load "
              + java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
    } catch (IOException e) {
      System.out.println("machine: unknown (" + e.getMessage() + ")");
    }
  }
}
