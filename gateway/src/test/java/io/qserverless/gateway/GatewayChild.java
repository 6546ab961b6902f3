package io.qserverless.gateway;

import io.qserverless.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A gateway in its own JVM, for tests that kill it or give it another environment: {@code
 * GatewayChild <data dir> <port> [no-sandbox]}. Prints {@code READY <token or ->} once it serves.
 */
public final class GatewayChild {
  public static void main(String[] args) throws InterruptedException {
    Gateway gw = Gateway.start(GatewayConfig.builder(Path.of(args[0])).port(Integer.parseInt(args[1]))
        .node(64, 64L << 30).jobDefaults(0.25, 128L << 20).stopGrace(Duration.ofSeconds(2))
        .noSandbox(args.length > 2 && args[2].equals("no-sandbox")).build());
    System.out.println("READY " + (gw.initialToken() == null ? "-" : gw.initialToken()));
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
