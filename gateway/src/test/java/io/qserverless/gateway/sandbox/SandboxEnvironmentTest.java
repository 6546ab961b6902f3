package io.qserverless.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sandbox never lets an environment variable add bwrap options, whatever reached it (the upload
 * refuses such env_vars first; this holds for anything stored before that check).
 */
class SandboxEnvironmentTest {
  @Test
  void a_variable_with_a_nul_or_an_equals_sign_is_refused_before_any_process_starts()
      throws IOException {
    Sandbox.Probe bwrap = Sandbox.bubblewrap(JobUsers.none());
    assertThat(bwrap.works()).as(bwrap.failure()).isTrue();
    Path dir = Files.createTempDirectory("qs-env");
    Confinement c =
        new Confinement(
            JobUsers.OWN,
            dir,
            List.of(dir),
            List.of(),
            1 << 20,
            64,
            1 << 20,
            64,
            dir.resolve("args"));
    for (Map<String, String> env :
        List.of(
            Map.of("X", "a\0--bind\0/\0/host"),
            Map.of("X\0--bind\0/\0/host", "a"),
            Map.of("A=B", "1"),
            Map.of("", "1"))) {
      assertThatThrownBy(() -> bwrap.sandbox().confine(c, List.of("/bin/true"), env))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no name, a '=' in it, or a NUL");
    }
    assertThat(bwrap.sandbox().confine(c, List.of("/bin/true"), Map.of("X", "a b=c")).argv())
        .contains("/bin/true");
  }
}
