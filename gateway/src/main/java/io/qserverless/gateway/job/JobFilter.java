package io.qserverless.gateway.job;

import io.qserverless.protocol.JobStatus;
import java.time.OffsetDateTime;

/** A filter for the job list; null fields do not filter. */
public record JobFilter(JobStatus status, String function, OffsetDateTime createdAfter) {}
