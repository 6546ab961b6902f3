package io.qserverless.gateway.dependency;

/**
 * One jar of a function version's resolved dependencies, as recorded with the version.
 *
 * @param coordinates Maven coordinates {@code group:artifact:extension[:classifier]:version}
 * @param sha256 hex SHA-256 of the jar's bytes
 * @param size the jar's size in bytes
 * @param jar absolute path of the jar in the gateway's dependency cache (never shown over HTTP)
 */
public record ResolvedDependency(String coordinates, String sha256, long size, String jar) {}
