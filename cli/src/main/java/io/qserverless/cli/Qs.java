package io.qserverless.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code qs} command: one picocli subcommand per class in this package.
 *
 * <p>Run through the {@code ./qs} launcher at the repository root, which finds a JDK 21+ and
 * builds the project on first use.
 */
@Command(
    name = "qs",
    mixinStandardHelpOptions = true,
    versionProvider = Qs.Version.class,
    description = "Quantum Serverless for Java: run quantum and classical programs as jobs.",
    subcommands = {CommandLine.HelpCommand.class, GatewayCommand.class, UserCommand.class})
public final class Qs implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Qs()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Qs.class.getPackage().getImplementationVersion();
      return new String[] {"qs " + (v == null ? "development build" : v)};
    }
  }
}
