package io.qserverless.runtime.cluster;

import java.time.Duration;

/**
 * Ends this JVM's cluster member once the program is done, so that the JVM ends as it would without
 * workers. Hazelcast runs some pools on non-daemon threads whatever thread starts it, so without
 * this a driver whose {@code main} returned would run for ever.
 *
 * <p>"Done" is the JVM's own rule: {@code main} has returned (the launcher's {@code DestroyJavaVM}
 * thread waits) and no non-daemon thread is left but Hazelcast's ({@code hz.} names). A program
 * that calls {@code System.exit} needs none of this.
 */
final class ProgramEnd {
  private static final Duration POLL = Duration.ofMillis(100);

  private ProgramEnd() {}

  static void closeWhenDone(AutoCloseable member) {
    Thread.ofPlatform()
        .daemon()
        .name("program-end")
        .start(
            () -> {
              try {
                while (!done()) {
                  Thread.sleep(POLL);
                }
                member.close();
              } catch (Exception e) {
                // interrupted or failed to close: the JVM's own exit ends the member
              }
            });
  }

  private static boolean done() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int n = root.enumerate(threads, true);
    boolean mainReturned = false;
    for (int i = 0; i < n; i++) {
      Thread t = threads[i];
      if (t.getName().equals("DestroyJavaVM")) {
        mainReturned = true;
      } else if (!t.isDaemon() && t.isAlive() && !t.getName().startsWith("hz.")) {
        return false;
      }
    }
    return mainReturned;
  }
}
