package io.qserverless.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the client refuses before any gateway is involved; calls through a gateway are in examples'
 * end-to-end tests.
 */
class ServerlessClientTest {

  @Test
  void a_gateway_that_cannot_be_reached_gives_a_message_naming_the_host_to_check()
      throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ServerlessClient client = ServerlessClient.connect("http://127.0.0.1:" + port, "token");

    assertThatThrownBy(client::functions)
        .isInstanceOf(GatewayException.class)
        .isInstanceOf(ServerlessClientException.class)
        .hasMessageContaining("cannot reach the gateway at http://127.0.0.1:" + port)
        .hasMessageContaining("GATEWAY_HOST")
        .satisfies(e -> assertThat(((GatewayException) e).status()).isZero());
  }

  @Test
  void missing_credentials_and_bad_hosts_are_refused_with_the_fix() {
    assertThatThrownBy(
            () -> ServerlessClient.fromSettings(Map.of("GATEWAY_HOST", "http://127.0.0.1:1")))
        .hasMessageContaining("set GATEWAY_TOKEN, or GATEWAY_USER and GATEWAY_PASSWORD");
    assertThatThrownBy(() -> ServerlessClient.connect("127.0.0.1:8000", "t"))
        .hasMessageContaining("must start with http:// or https://");
    assertThatThrownBy(() -> ServerlessClient.connect("http://127.0.0.1:8000", " "))
        .hasMessageContaining("no API token");
  }

  @Test
  void a_function_that_is_not_uploaded_cannot_run() {
    QiskitFunction fn = QiskitFunction.of("pw", "Main.java", java.nio.file.Path.of("."));
    assertThatThrownBy(() -> fn.run(Map.of())).hasMessageContaining("not uploaded yet");
  }
}
