package io.qserverless.examples.programs;

import static io.qserverless.runtime.Serverless.arguments;
import static io.qserverless.runtime.Serverless.logger;
import static io.qserverless.runtime.Serverless.saveResult;
import static io.qserverless.runtime.Serverless.updateStatus;

import io.qserverless.protocol.SubStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seed's "Set detailed statuses": walks through the five stages a program can report, so the
 * client sees RUNNING: MAPPING, RUNNING: OPTIMIZING_FOR_HARDWARE, ... and then DONE.
 *
 * <p>Argument {@code stage_millis} (default 300): how long each stage lasts, standing in for the
 * stage's work so that a polling client sees every one.
 */
public final class DetailedStatuses {
  private DetailedStatuses() {}

  public static void main(String[] args) throws InterruptedException {
    long stageMillis = arguments().get("stage_millis", Long.class, 300L);
    List<String> stages = new ArrayList<>();
    for (SubStatus stage : SubStatus.values()) {
      updateStatus(stage);
      logger().log(System.Logger.Level.INFO, "stage " + stage.shown());
      stages.add("RUNNING: " + stage.shown());
      Thread.sleep(stageMillis);
    }
    saveResult(Map.of("stages", stages));
  }
}
