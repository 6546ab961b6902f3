package io.qserverless.gateway.job;

import java.util.List;

/** A page of jobs and the number of jobs matching the filter. */
public record JobPage(long count, List<Job> jobs) {}
