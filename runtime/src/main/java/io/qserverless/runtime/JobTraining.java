package io.qserverless.runtime;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * What the AOT cache of a job's JVM is trained on: a job's start through the {@link Launcher}
 * (prepare, release, find the main method, invoke it), released here by a {@code go} of its own, on
 * programs that do what every small Java program does as it starts (build a string, print a line),
 * one with a static {@code main(String[])}, one with an instance {@code main()}. It uses the JDK
 * only, so the cache's class path is this jar alone and a program's own entries follow it. Run by
 * the gateway as a plain main class, never as a job.
 */
public final class JobTraining {
  private JobTraining() {}

  public static void main(String[] args) throws Throwable {
    for (Class<?> program : new Class<?>[] {StaticMain.class, InstanceMain.class}) {
      // Its go shows as not yet there, as a standby's does, so the training prepares too.
      ByteArrayInputStream go =
          new ByteArrayInputStream("go\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int available() {
              return 0;
            }
          };
      if (!Launcher.run(go, program.getName(), args)) {
        throw new IllegalStateException("the launcher did not take its training's go");
      }
    }
  }

  static final class StaticMain {
    private StaticMain() {}

    public static void main(String[] args) {
      System.out.println("trained at " + System.currentTimeMillis() + " with " + args.length);
    }
  }

  static final class InstanceMain {
    void main() {
      System.out.println("trained at " + System.currentTimeMillis());
    }
  }
}
