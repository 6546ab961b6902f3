package io.qserverless.cli;

import io.qserverless.client.ServerlessClient;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every command that talks to a gateway shares: where it is and who calls. Defaults
 * come from {@code GATEWAY_HOST} and {@code GATEWAY_TOKEN} (or {@code GATEWAY_USER} and {@code
 * GATEWAY_PASSWORD}), as in the Python client. Also gives the command's output streams.
 */
class GatewayOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--host",
      paramLabel = "URL",
      description = "gateway URL (default: $GATEWAY_HOST or " + ServerlessClient.DEFAULT_HOST + ")")
  String host;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "API token (default: $GATEWAY_TOKEN; "
              + "else $GATEWAY_USER and $GATEWAY_PASSWORD log in)")
  String token;

  /** Where the command prints its output (standard output, or what a test set). */
  PrintWriter out() {
    return command.commandLine().getOut();
  }

  /** Where the command prints progress and failures. */
  PrintWriter err() {
    return command.commandLine().getErr();
  }

  ServerlessClient client() {
    Map<String, String> settings = new HashMap<>(System.getenv());
    if (host != null) {
      settings.put("GATEWAY_HOST", host);
    }
    if (token != null) {
      settings.put("GATEWAY_TOKEN", token);
    }
    return ServerlessClient.fromSettings(settings);
  }
}
