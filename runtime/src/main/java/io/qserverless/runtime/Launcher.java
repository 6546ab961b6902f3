package io.qserverless.runtime;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The main class of a Java job's JVM that boots before its job is released: it starts, prepares
 * what the program's start needs, waits for the gateway's {@code go}, and only then loads and runs
 * the program, so the JVM's boot overlaps the gateway's last steps before the release.
 *
 * <p>{@code java [options] -cp <runtime jar>:<program entries>... io.qserverless.runtime.Launcher
 * <main class> [args...]}. Before the release it touches no class of the program (no static
 * initializer, no service provider of its jars runs). It then reads its standard input itself, byte
 * by byte, up to the first newline or the end: exactly {@code go} releases the program; anything
 * else, or the end of input, makes it exit with {@value #NOT_RELEASED} having printed nothing. It
 * never reads past that newline and never through {@link System#in}, so the program reads the rest
 * of the input (the gateway sends none: the program sees its end).
 *
 * <p>Released, it behaves as {@code java <main class> [args...]} would: the main class comes from
 * the system class loader, its main method is chosen as the JDK 25 launcher chooses it ({@link
 * MainMethod}), an error before {@code main} prints the JDK's message and exits 1, an exception
 * from the program ends the JVM with the JDK's report and exit status 1 (the launcher's own frames
 * taken off its stack trace), and {@code sun.java.command} names the program, not the launcher.
 */
public final class Launcher {
  /** The exit status of a JVM that was never released: the job wrapper's own for that case. */
  static final int NOT_RELEASED = 125;

  private static final String USAGE =
      "usage: java [options] -cp <runtime jar>:<program>... io.qserverless.runtime.Launcher"
          + " <main class> [args...], then the line go on standard input";

  private Launcher() {}

  public static void main(String[] args) throws Throwable {
    if (args.length == 0) {
      System.err.println(USAGE);
      Runtime.getRuntime().halt(2);
    }
    // Never closed: it is the process's fd 0, which the program may still read.
    InputStream stdin = new FileInputStream(FileDescriptor.in);
    try {
      if (!run(stdin, args[0], Arrays.copyOfRange(args, 1, args.length))) {
        // Not System.exit: it logs the exit through System.Logger, whose lookup loads the
        // LoggerFinder providers of every class path entry, the program's too.
        Runtime.getRuntime().halt(NOT_RELEASED);
      }
    } catch (MainMethod.NotLaunchableException e) {
      System.err.println(e.getMessage());
      System.exit(1); // as java's own launcher exits then
    }
  }

  /**
   * Prepares, waits for the release on {@code gate}, then runs {@code mainClass} with {@code args}
   * on this thread; false, having run nothing of the program, when not released. The program's
   * exception is rethrown as it came, with the launcher's frames taken off.
   *
   * @throws MainMethod.NotLaunchableException when the program has no main class or method to run,
   *     with the message {@code java} would print
   */
  static boolean run(InputStream gate, String mainClass, String[] args) throws Throwable {
    prepare(mainClass, gate);
    if (!released(gate)) {
      return false;
    }
    System.setProperty("sun.java.command", command(mainClass, args));
    MainMethod main = MainMethod.of(mainClass);
    try {
      main.invoke(args);
    } catch (Throwable t) {
      throw LauncherFrames.removedFrom(t);
    }
    return true;
  }

  /**
   * Does beforehand what the program's start would do first: runs the launcher's own path (find a
   * main method, make its handles, invoke it) on idle classes of the platform, and locates the main
   * class's file without loading it, which opens the class path entries up to the one that holds it
   * and runs the class path's lookup code once. Without either, what follows the release took 4–5
   * ms instead of about 1 (LauncherStartBench, docs/benchmarks.md); they cost the standby's boot a
   * few milliseconds each instead. Each step is left out once the release is already waiting on
   * {@code gate} (a job started on request, not ahead): then it would only delay the program.
   */
  private static void prepare(String mainClass, InputStream gate) throws Throwable {
    for (Class<?> idle : new Class<?>[] {Idle.class, IdleInstance.class, IdleCompact.class}) {
      if (waiting(gate)) {
        return;
      }
      MainMethod.of(idle.getName()).invoke(new String[0]);
    }
    if (!waiting(gate)) {
      ClassLoader.getSystemClassLoader().getResource(mainClass.replace('.', '/') + ".class");
    }
  }

  /** True when input is already there to read (the release, most likely). */
  private static boolean waiting(InputStream gate) {
    try {
      return gate.available() > 0;
    } catch (IOException e) {
      return true; // the read that follows reports it
    }
  }

  /**
   * Whether the first line of {@code gate} is exactly {@code go}: reads one byte at a time and
   * stops at the newline, at the end, or as soon as the line cannot be {@code go}.
   */
  static boolean released(InputStream gate) {
    try {
      int g = gate.read();
      if (g != 'g') {
        return false;
      }
      int o = gate.read();
      if (o != 'o') {
        return false;
      }
      int end = gate.read();
      return end == '\n' || end == -1;
    } catch (IOException e) {
      return false;
    }
  }

  /** What plain {@code java} puts in {@code sun.java.command}: the main class and arguments. */
  private static String command(String mainClass, String[] args) {
    StringBuilder command = new StringBuilder(mainClass);
    for (String arg : args) {
      command.append(' ').append(arg);
    }
    return command.toString();
  }

  /** The shape of most programs: a static {@code main(String[])}. */
  static final class Idle {
    private Idle() {}

    @SuppressWarnings("unused")
    public static void main(String[] args) {}
  }

  /** A class with an instance {@code main()} (JEP 512): called virtually. */
  static class IdleInstance {
    void main() {}
  }

  /**
   * A compact source file (JEP 512): its implicit class is final, so its instance {@code main()} is
   * called directly, through other method handle forms than a virtual one.
   */
  static final class IdleCompact {
    void main() {}
  }
}
