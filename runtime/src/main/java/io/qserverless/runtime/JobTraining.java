package io.qserverless.runtime;

/**
 * What the AOT cache of a job's JVM is trained on: what every small Java program does as it starts
 * (find its main class, build a string, print a line). It uses the JDK only, so the cache's class
 * path is this jar alone and a program's own entries follow it. Run by the gateway, never as a job.
 */
public final class JobTraining {
  private JobTraining() {}

  public static void main(String[] args) {
    System.out.println("trained at " + System.currentTimeMillis() + " with " + args.length);
  }
}
