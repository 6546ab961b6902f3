package io.qserverless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.gateway.dependency.DependencySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code qs gateway}'s dependency options become the gateway's {@link DependencySettings}, and bad
 * ones are refused.
 */
class DependencyOptionsTest {

  @Test
  void the_options_set_repositories_allowlist_cap_and_switches() throws Exception {
    Path mirror = Files.createTempDirectory("qs-mirror");
    GatewayCommand cmd =
        parse(
            "--dependency-repository",
            mirror.toString(),
            "--dependency-repository",
            "https://mirror.example/m2/",
            "--dependency-allow",
            "org.apache.commons",
            "--dependency-allow",
            "com.example:lib:[1,2)",
            "--dependency-max-mib",
            "5",
            "--dependency-allow-snapshots",
            "--dependency-allow-ranges");
    assertThat(cmd.dependencies.settings())
        .isEqualTo(
            new DependencySettings(
                List.of(mirror.toString(), "https://mirror.example/m2/"),
                List.of("org.apache.commons", "com.example:lib:[1,2)"),
                5L << 20,
                true,
                true));
  }

  @Test
  void without_options_the_gateway_uses_the_defaults() {
    assertThat(parse().dependencies.settings()).isEqualTo(DependencySettings.defaults());
  }

  @Test
  void a_repository_that_is_neither_a_url_nor_an_existing_directory_is_refused() {
    assertThatThrownBy(
            () -> parse("--dependency-repository", "relative/dir").dependencies.settings())
        .hasMessageContaining(
            "dependency repository relative/dir is neither an http(s) URL nor an absolute path");
    assertThatThrownBy(() -> parse("--dependency-allow", "org.x:lib:[1,").dependencies.settings())
        .hasMessageContaining("'org.x:lib:[1,' has an invalid version or range");
  }

  private static GatewayCommand parse(String... args) {
    GatewayCommand cmd = new GatewayCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd;
  }
}
