package io.qserverless.gateway.dependency;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.util.version.GenericVersionScheme;
import org.eclipse.aether.version.InvalidVersionSpecificationException;
import org.eclipse.aether.version.VersionConstraint;
import org.eclipse.aether.version.VersionScheme;

/**
 * One allowlist entry: {@code group}, {@code group:artifact} or {@code group:artifact:version},
 * where group and artifact may hold {@code *} (any run of characters) and version is one version
 * (admits exactly that one) or a Maven range such as {@code [3.6,4)}.
 */
record AllowRule(String text, Pattern group, Pattern artifact, VersionConstraint version) {
  static final VersionScheme VERSIONS = new GenericVersionScheme();

  static AllowRule parse(String text) {
    String[] parts = text.split(":", 3);
    if (Arrays.stream(parts).anyMatch(String::isBlank)) {
      throw new IllegalArgumentException(
          "dependency allowlist entry '"
              + text
              + "' is not group, group:artifact or group:artifact:version (e.g. org.apache.commons:commons-math3:[3.6,4))");
    }
    VersionConstraint version = null;
    if (parts.length == 3) {
      try {
        version = VERSIONS.parseVersionConstraint(parts[2]);
      } catch (InvalidVersionSpecificationException e) {
        throw new IllegalArgumentException(
            "dependency allowlist entry '"
                + text
                + "' has an invalid version or range: "
                + e.getMessage());
      }
    }
    return new AllowRule(
        text, glob(parts[0]), parts.length > 1 ? glob(parts[1]) : glob("*"), version);
  }

  boolean matches(String groupId, String artifactId) {
    return group.matcher(groupId).matches() && artifact.matcher(artifactId).matches();
  }

  /** Whether this rule admits the resolved {@code a}. */
  boolean admits(Artifact a) {
    if (!matches(a.getGroupId(), a.getArtifactId())) {
      return false;
    }
    if (version == null) {
      return true;
    }
    try {
      return version.containsVersion(VERSIONS.parseVersion(a.getVersion()));
    } catch (InvalidVersionSpecificationException e) {
      return false;
    }
  }

  private static Pattern glob(String s) {
    return Pattern.compile(Pattern.quote(s).replace("*", "\\E.*\\Q"));
  }
}
