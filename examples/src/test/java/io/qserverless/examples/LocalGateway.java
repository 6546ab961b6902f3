package io.qserverless.examples;

import io.qserverless.client.ServerlessClient;
import io.qserverless.gateway.Gateway;
import io.qserverless.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One real gateway for this test JVM: in-process, embedded H2 in a temporary directory, a random
 * loopback port, jobs as child processes. Started on first use and closed when the JVM exits.
 */
final class LocalGateway {
  private static final ServerlessClient CLIENT = start();

  private LocalGateway() {}

  /** A client logged in as the gateway's first user. */
  static ServerlessClient client() {
    return CLIENT;
  }

  private static ServerlessClient start() {
    try {
      // A declared node of 4 cpus, so a job of 0.25 cpu with two 1-cpu workers fits on a 2-core
      // machine.
      Gateway gateway =
          Gateway.start(
              GatewayConfig.builder(Files.createTempDirectory("qs-examples-gateway"))
                  .jvmCaches(false)
                  .port(0)
                  .node(4, 8L << 30)
                  .build());
      Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
      return ServerlessClient.connect(gateway.url(), gateway.initialToken());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
