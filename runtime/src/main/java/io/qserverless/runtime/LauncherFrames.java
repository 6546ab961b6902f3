package io.qserverless.runtime;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Takes the {@link Launcher}'s frames off the bottom of what a program threw, so that its report
 * reads as under plain {@code java}: below the program's first frame there, the launcher's own
 * frames and the JDK's frames of its call (method handles, class initialization). Traces that do
 * not end in the launcher (thrown on another thread) are left as they are.
 */
final class LauncherFrames {
  private LauncherFrames() {}

  /**
   * {@code thrown}, its causes and its suppressed exceptions, each with the launcher's frames off.
   */
  static Throwable removedFrom(Throwable thrown) {
    strip(thrown, Collections.newSetFromMap(new IdentityHashMap<>()));
    return thrown;
  }

  private static void strip(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    StackTraceElement[] trace = t.getStackTrace();
    int end = trace.length;
    while (end > 0 && isLaunchers(trace[end - 1])) {
      end--;
    }
    if (end < trace.length) {
      while (end > 0 && "java.base".equals(trace[end - 1].getModuleName())) {
        end--;
      }
      t.setStackTrace(Arrays.copyOf(trace, end));
    }
    strip(t.getCause(), seen);
    for (Throwable s : t.getSuppressed()) {
      strip(s, seen);
    }
  }

  private static boolean isLaunchers(StackTraceElement frame) {
    String c = frame.getClassName();
    return c.equals(Launcher.class.getName()) || c.equals(MainMethod.class.getName());
  }
}
