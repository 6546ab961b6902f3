package io.qserverless.gateway.program;

import java.time.OffsetDateTime;

/**
 * A user's function: its title, the current artifact and how to start it.
 *
 * <p>A re-upload replaces artifact and launch and raises {@code revision}; jobs copy both at
 * submit, so a running job keeps the version it started with.
 *
 * @param dependencies JSON array text, stored as given
 * @param envVars JSON object text of extra environment variables for the job process
 * @param argumentsSchema the JSON Schema text its arguments must satisfy, or null for none
 */
public record Program(
    String id,
    long userId,
    String title,
    String entrypoint,
    String artifact,
    Launch launch,
    String dependencies,
    String envVars,
    String description,
    String version,
    int revision,
    boolean disabled,
    OffsetDateTime created,
    OffsetDateTime updated,
    String argumentsSchema) {}
