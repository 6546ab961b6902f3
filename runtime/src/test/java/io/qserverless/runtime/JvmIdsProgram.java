package io.qserverless.runtime;

import static io.qserverless.runtime.Serverless.arguments;
import static io.qserverless.runtime.Serverless.distribute;
import static io.qserverless.runtime.Serverless.get;
import static io.qserverless.runtime.Serverless.saveResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A program whose tasks report the JVM they ran in ({@code id pid}) and print a line; with argument
 * {@code block_seconds} they then sleep that long.
 */
public final class JvmIdsProgram {
  private JvmIdsProgram() {}

  public static void main(String[] args) {
    long block = arguments().get("block_seconds", Long.class, 0L);
    List<TaskRef<String>> refs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      refs.add(
          distribute(
              Resources.cpu(1),
              () -> {
                System.out.println("task in pid " + ProcessHandle.current().pid());
                Thread.sleep(block > 0 ? block * 1000 : 100);
                return JvmId.ID + " " + ProcessHandle.current().pid();
              }));
    }
    saveResult(Map.of("driver", JvmId.ID, "tasks", get(refs)));
  }
}
