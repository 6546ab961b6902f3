package io.qserverless.cli;

import io.qserverless.client.ServerlessClientException;
import io.qserverless.gateway.Gateway;
import io.qserverless.protocol.value.ValueEncodingException;
import io.qserverless.quantum.QuantumException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code qs} command: one picocli subcommand per class in this package.
 *
 * <p>Run through the {@code ./qs} launcher at the repository root, which finds a JDK 21+ and builds
 * the project on first use. Exit codes: 0 success, 1 a failed call or job, 2 bad usage.
 */
@Command(
    name = "qs",
    mixinStandardHelpOptions = true,
    versionProvider = Qs.Version.class,
    description = "Quantum Serverless for Java: run quantum and classical programs as jobs.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      UploadCommand.class,
      RunCommand.class,
      JobsCommand.class,
      StatusCommand.class,
      LogsCommand.class,
      ResultCommand.class,
      StopCommand.class,
      FilesCommand.class,
      GatewayCommand.class,
      UserCommand.class,
      TranspileCommand.class,
      BackendsCommand.class,
      SampleCommand.class,
    })
public final class Qs implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line with the error handling every command shares. Picocli's own {@code @file}
   * expansion is off: {@code --args @file} and {@code --backend @...} are ours to read.
   */
  static CommandLine commandLine() {
    return new CommandLine(new Qs())
        .setExpandAtFiles(false)
        .setExecutionExceptionHandler(Qs::failed);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing a command: pick one of those listed above.");
  }

  /** A failure a user can cause prints one line, not a stack trace. */
  private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    cmd.getErr().println("qs " + cmd.getCommandName() + ": " + message);
    if (e instanceof IllegalArgumentException || e instanceof QuantumException) {
      return 2;
    }
    if (!(e instanceof ServerlessClientException
        || e instanceof ValueEncodingException
        || e instanceof UncheckedIOException
        || e instanceof IOException)) {
      e.printStackTrace(cmd.getErr());
    }
    return 1;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      // One source of the release for the CLI and the gateway it embeds (version.properties).
      return new String[] {"qs " + Gateway.version()};
    }
  }
}
