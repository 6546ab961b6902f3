package io.qserverless.gateway.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a job process runs inside: the command line that confines a program, and the environment
 * that command starts with.
 *
 * <p>{@link #bubblewrap()} gives each job its own mount, PID, IPC and UTS namespaces; {@link
 * #none()} runs the program as the gateway's own user with the whole machine in view, for
 * single-user setups and for operators who pass {@code --no-sandbox}. See docs/operations.md,
 * "Security model".
 */
public interface Sandbox {
  /**
   * The command that runs {@code program} confined as {@code confinement} says, with the job's
   * {@code environment} reaching the program and nothing else. May write into the job directory.
   */
  Command confine(Confinement confinement, List<String> program, Map<String, String> environment)
      throws IOException;

  /** True when jobs are confined; false for {@link #none()}. */
  boolean confines();

  /** One line for the gateway's log saying what jobs run in. */
  String description();

  /**
   * A command line, the environment to start it with, and the file to open for it as fd 3 ({@code
   * /dev/null} when it reads none).
   */
  record Command(List<String> argv, Map<String, String> environment, Path fd3) {
    public Command {
      argv = List.copyOf(argv);
      environment = Map.copyOf(environment);
    }
  }

  /**
   * Bubblewrap when it works on this machine for jobs of {@code users} (as root, switching to their
   * users; else with user namespaces), else why not.
   */
  static Probe bubblewrap(JobUsers users) {
    return Bubblewrap.probe(users.probeUid());
  }

  /** No confinement: the program runs as it is, with the job's environment. */
  static Sandbox none() {
    return Unconfined.INSTANCE;
  }

  /** What {@link #bubblewrap()} found: a sandbox, or the reason there is none. */
  record Probe(Sandbox sandbox, String failure) {
    public boolean works() {
      return sandbox != null;
    }
  }
}
