package io.qserverless.runtime;

import static io.qserverless.runtime.Serverless.distribute;
import static io.qserverless.runtime.Serverless.get;
import static io.qserverless.runtime.Serverless.saveResult;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Two rounds of six 1-cpu tasks, each reporting the JVM it ran in, with a pause between them longer
 * than an auto-scaling cluster's idle timeout (argument {@code pause_ms}). A task of a round
 * returns only once tasks of that round run in two JVMs (they meet in directory {@code meet}), so a
 * round needs two workers however long a worker takes to start.
 */
public final class ScalingProgram {
  private ScalingProgram() {}

  public static void main(String[] args) throws InterruptedException {
    long pause = Serverless.arguments().get("pause_ms", Long.class, 0L);
    String meet = Serverless.arguments().get("meet", String.class, null);
    List<List<String>> rounds = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      String prefix = "round" + round + "-";
      List<TaskRef<String>> refs = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        refs.add(distribute(Resources.cpu(1), () -> meetInTwoJvms(Path.of(meet), prefix)));
      }
      rounds.add(get(refs));
      System.err.println("round " + round + " done");
      if (round == 0) {
        Thread.sleep(pause);
      }
    }
    saveResult(Map.of("driver", JvmId.ID, "rounds", rounds));
  }

  private static String meetInTwoJvms(Path meet, String prefix)
      throws IOException, InterruptedException {
    try {
      Files.createFile(meet.resolve(prefix + JvmId.ID));
    } catch (FileAlreadyExistsException again) {
      // this JVM has been here in this round
    }
    for (int i = 0; i < 1200; i++) {
      try (Stream<Path> here = Files.list(meet)) {
        if (here.filter(p -> p.getFileName().toString().startsWith(prefix)).count() >= 2) {
          return JvmId.ID;
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("no second JVM ran a task of " + prefix + " within 60 s");
  }
}
