package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.gateway.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Who the first user is, depending on the address the gateway binds to. */
class GatewayStartTest {

  @Test
  void on_a_non_loopback_address_without_credentials_the_gateway_refuses_to_start()
      throws IOException {
    Path dir = Files.createTempDirectory("qs-start");
    assertThatThrownBy(
            () ->
                Gateway.start(
                    GatewayConfig.builder(dir).jvmCaches(false).host("0.0.0.0").port(0).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GATEWAY_USER and GATEWAY_PASSWORD");
  }

  @Test
  void explicit_credentials_make_the_first_admin_and_a_restart_creates_no_other()
      throws IOException {
    Path dir = Files.createTempDirectory("qs-start");
    GatewayConfig config =
        GatewayConfig.builder(dir)
            .jvmCaches(false)
            .host("0.0.0.0")
            .port(0)
            .initialUser("admin", "s3cret-pass")
            .build();
    try (Gateway gw = Gateway.start(config)) {
      assertThat(gw.initialToken()).isNotNull();
      GatewayHarness h = GatewayHarness.remote(gw.url(), gw.initialToken(), dir);
      assertThat(h.get("/api/v1/auth/me/", gw.initialToken()).json().get("username").asString())
          .isEqualTo("admin");
    }
    try (Gateway again =
        Gateway.start(
            GatewayConfig.builder(dir).jvmCaches(false).host("0.0.0.0").port(0).build())) {
      assertThat(again.initialToken()).isNull();
    }
  }
}
