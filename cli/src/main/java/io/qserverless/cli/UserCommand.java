package io.qserverless.cli;

import io.qserverless.gateway.auth.Accounts;
import io.qserverless.gateway.error.RequestRefusedException;
import io.qserverless.gateway.store.Database;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code qs user add|token}: manages gateway users directly on its database, e.g. to bootstrap an
 * admin before the first start. The embedded H2 file admits one process at a time: while the
 * gateway runs on it, create users through the API instead ({@code POST /api/v1/users/}).
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage gateway users on its database.",
    subcommands = {UserCommand.Add.class, UserCommand.Token.class})
public final class UserCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** A refusal (bad name, taken name, unknown user) is one line on stderr and exit code 1. */
  static int refused(String command, RequestRefusedException e) {
    System.err.println("qs user " + command + ": " + e.getMessage());
    return 1;
  }

  /** Where the gateway's database is. */
  static final class Store {
    @Option(
        names = "--data-dir",
        description = "The gateway's data directory (default: ${DEFAULT-VALUE}).",
        defaultValue = "${sys:user.home}/.qserverless")
    Path dataDir;

    @Option(
        names = "--db-url",
        description = "JDBC URL of the gateway's database (default: H2 under the data dir).")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:GATEWAY_DB_USER}")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:GATEWAY_DB_PASSWORD}")
    String dbPassword;

    Database open() {
      return Database.open(dbUrl, dbUser, dbPassword, dataDir.resolve("db"));
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Create a user and print an API token for it.")
  static final class Add implements Callable<Integer> {
    @Parameters(index = "0", description = "User name.")
    String username;

    @Option(
        names = "--password",
        required = true,
        description = "Password, 8 characters or more.",
        interactive = true,
        arity = "0..1")
    String password;

    @Option(names = "--admin", description = "Make the user an admin.")
    boolean admin;

    @picocli.CommandLine.Mixin Store store = new Store();

    @Override
    public Integer call() {
      try (Database db = store.open()) {
        Accounts accounts = new Accounts(db);
        accounts.createUser(username, password, admin);
        System.out.println(accounts.newTokenFor(username));
        return 0;
      } catch (RequestRefusedException e) {
        return refused("add", e);
      }
    }
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description = "Print a new API token for a user.")
  static final class Token implements Callable<Integer> {
    @Parameters(index = "0", description = "User name.")
    String username;

    @picocli.CommandLine.Mixin Store store = new Store();

    @Override
    public Integer call() {
      try (Database db = store.open()) {
        System.out.println(new Accounts(db).newTokenFor(username));
        return 0;
      } catch (RequestRefusedException e) {
        return refused("token", e);
      }
    }
  }
}
