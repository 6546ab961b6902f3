package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A Java job compiles and runs against the platform (runtime, protocol, quantum, Jackson), not the
 * gateway's server libraries.
 */
class JobClasspathTest {
  static GatewayHarness gw;
  static String user;

  @BeforeAll
  static void start() {
    gw = GatewayHarness.shared();
    user = gw.newUserWithProbe();
  }

  @Test
  void a_java_job_sees_the_runtime_but_not_the_gateways_server_libraries() {
    String id = gw.run(user, "probe", "{\"mode\": \"classes\"}");
    assertThat(gw.awaitStatus(user, id, "SUCCEEDED", "FAILED").get("status").asString())
        .isEqualTo("SUCCEEDED");
    String result = gw.get("/api/v1/jobs/" + id + "/result/", user).json().get("result").asString();
    JsonNode classes = Json.MAPPER.readTree(result);
    assertThat(classes.get("runtime").asBoolean())
        .as("io.qserverless.runtime.Serverless present")
        .isTrue();
    assertThat(classes.get("jackson").asBoolean()).as("Jackson present").isTrue();
    assertThat(classes.get("javalin").asBoolean()).as("Javalin present").isFalse();
    assertThat(classes.get("h2").asBoolean()).as("H2 present").isFalse();
  }

  @Test
  void a_java_job_has_the_vector_api_and_its_log_no_jvm_warning_about_it() {
    String source =
        """
        public class Main {
          public static void main(String[] args) {
            System.out.println("vector api: "
                + ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
          }
        }
        """;
    assertThat(
            gw.upload(
                    user,
                    "vector",
                    "Main.java",
                    GatewayHarness.tar(
                        Map.of("Main.java", source.getBytes(StandardCharsets.UTF_8))))
                .status())
        .isEqualTo(200);
    String id = gw.run(user, "vector", "{}");
    assertThat(gw.awaitStatus(user, id, "SUCCEEDED", "FAILED").get("status").asString())
        .isEqualTo("SUCCEEDED");
    assertThat(gw.get("/api/v1/jobs/" + id + "/logs/", user).json().get("logs").asString())
        .isEqualTo("vector api: true\n");
  }

  @Test
  void a_program_importing_a_server_library_of_the_gateway_does_not_compile() {
    String source =
        """
        public class Main {
          public static void main(String[] args) {
            io.javalin.Javalin.create();
          }
        }
        """;
    GatewayHarness.Answer a =
        gw.upload(
            user,
            "server-lib",
            "Main.java",
            GatewayHarness.tar(Map.of("Main.java", source.getBytes(StandardCharsets.UTF_8))));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("does not compile").contains("io.javalin");
  }
}
