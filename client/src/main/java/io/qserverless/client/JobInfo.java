package io.qserverless.client;

import io.qserverless.protocol.JobStatus;
import io.qserverless.protocol.SubStatus;
import tools.jackson.databind.JsonNode;

/**
 * What the gateway said about a job at one moment (API.md, "Job JSON").
 *
 * @param subStatus the program's stage while RUNNING, else null
 * @param function the title of the function the job runs
 * @param created ISO-8601, as the gateway wrote it
 * @param updated ISO-8601, as the gateway wrote it
 */
public record JobInfo(
    String id,
    JobStatus status,
    SubStatus subStatus,
    String function,
    String created,
    String updated) {

  /** The status as users see it: QUEUED, INITIALIZING, RUNNING: MAPPING, DONE, ERROR, CANCELED. */
  public String shown() {
    return status.shown(subStatus);
  }

  static JobInfo fromJson(JsonNode job) {
    String sub = text(job, "sub_status");
    return new JobInfo(
        text(job, "id"),
        JobStatus.fromWire(text(job, "status")),
        sub == null || sub.isEmpty() ? null : SubStatus.fromWire(sub),
        text(job.path("program"), "title"),
        text(job, "created"),
        text(job, "updated"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asString();
  }
}
