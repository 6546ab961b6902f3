package io.qserverless.runtime;

import static io.qserverless.runtime.Serverless.distribute;
import static io.qserverless.runtime.Serverless.get;
import static io.qserverless.runtime.Serverless.saveResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two rounds of six 1-cpu tasks, each reporting the JVM it ran in, with a pause between them longer
 * than an auto-scaling cluster's idle timeout (arguments {@code pause_ms}, {@code task_ms}).
 */
public final class ScalingProgram {
  private ScalingProgram() {}

  public static void main(String[] args) throws InterruptedException {
    long pause = Serverless.arguments().get("pause_ms", Long.class, 0L);
    long task = Serverless.arguments().get("task_ms", Long.class, 200L);
    List<List<String>> rounds = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      List<TaskRef<String>> refs = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        refs.add(
            distribute(
                Resources.cpu(1),
                () -> {
                  Thread.sleep(task);
                  return JvmId.ID;
                }));
      }
      rounds.add(get(refs));
      System.err.println("round " + round + " done");
      if (round == 0) {
        Thread.sleep(pause);
      }
    }
    saveResult(Map.of("driver", JvmId.ID, "rounds", rounds));
  }
}
