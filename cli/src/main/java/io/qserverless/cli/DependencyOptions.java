package io.qserverless.cli;

import io.qserverless.gateway.dependency.DependencySettings;
import java.util.List;
import picocli.CommandLine.Option;

/** The gateway's program-dependency policy options (docs/operations.md, "Program dependencies"). */
final class DependencyOptions {
  @Option(
      names = "--dependency-repository",
      paramLabel = "URL|DIR",
      description =
          "A Maven repository to resolve program dependencies from, in order (repeatable): a mirror URL, "
              + "or the absolute path of a directory laid out as a Maven repository (default: Maven Central).")
  List<String> repositories = List.of();

  @Option(
      names = "--dependency-allow",
      paramLabel = "PATTERN",
      description =
          "Admit only these dependencies (repeatable): group, group:artifact or group:artifact:version-or-range, "
              + "* as wildcard, e.g. org.apache.commons:commons-math3:[3.6,4) (default: any).")
  List<String> allowlist = List.of();

  @Option(
      names = "--dependency-max-mib",
      description = "Cap on one function's dependency jars, MiB (default: ${DEFAULT-VALUE}).",
      defaultValue = "100")
  long maxMib;

  @Option(names = "--dependency-allow-snapshots", description = "Admit SNAPSHOT versions.")
  boolean snapshots;

  @Option(
      names = "--dependency-allow-ranges",
      description = "Admit declared version ranges and LATEST / RELEASE.")
  boolean ranges;

  DependencySettings settings() {
    DependencySettings s =
        DependencySettings.defaults()
            .withAllowlist(allowlist)
            .withMaxBytes(maxMib << 20)
            .withSnapshots(snapshots)
            .withVersionRanges(ranges);
    return repositories.isEmpty() ? s : s.withRepositories(repositories);
  }
}
