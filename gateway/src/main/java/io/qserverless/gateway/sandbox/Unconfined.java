package io.qserverless.gateway.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** No sandbox: the program runs as the gateway's user and sees what that user sees. */
final class Unconfined implements Sandbox {
  static final Unconfined INSTANCE = new Unconfined();
  private static final Path NOTHING = Path.of("/dev/null");

  private Unconfined() {}

  @Override
  public Command confine(
      Confinement confinement, List<String> program, Map<String, String> environment) {
    return new Command(program, environment, NOTHING);
  }

  @Override
  public boolean confines() {
    return false;
  }

  @Override
  public String description() {
    return "jobs run WITHOUT a sandbox: as the gateway's own user, seeing its files, other jobs and their processes";
  }
}
