package io.qserverless.runtime;

import io.qserverless.protocol.http.GatewayHttp;
import io.qserverless.runtime.cluster.ClusterMember;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The driver's account of its cluster: a line in the job's log for each worker that joins or
 * leaves, and, under a gateway, a {@code WORKER_JOINED} / {@code WORKER_LEFT} event on the job,
 * each with its reason.
 */
final class ClusterLog implements ClusterMember.Listener {
  static final String JOINED = "WORKER_JOINED";
  static final String LEFT = "WORKER_LEFT";

  private final GatewayHttp gateway;
  private final String jobId;

  /** {@code gateway} null: log lines only (a plain-java run). */
  ClusterLog(GatewayHttp gateway, String jobId) {
    this.gateway = gateway;
    this.jobId = jobId;
  }

  @Override
  public void joined(String name, String address, Resources allotment, String reason) {
    System.err.println(
        "cluster: " + name + " joined (" + address + "; " + allotment + "): " + reason);
    Map<String, Object> event = event(JOINED, name, address, reason);
    event.put("cpu", allotment.cpu());
    event.put("mem", allotment.mem());
    event.put("gpu", allotment.gpu());
    send(event);
  }

  @Override
  public void left(String name, String address, String reason) {
    System.err.println("cluster: " + name + " left (" + address + "): " + reason);
    send(event(LEFT, name, address, reason));
  }

  private static Map<String, Object> event(
      String type, String name, String address, String reason) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", type);
    event.put("worker", name);
    event.put("address", address);
    event.put("reason", reason);
    return event;
  }

  private void send(Map<String, Object> event) {
    if (gateway == null) {
      return;
    }
    try {
      gateway.send("POST", "api/v1/jobs/" + jobId + "/event/", event);
    } catch (RuntimeException e) {
      System.err.println(
          "cluster: could not record " + event.get("type") + " on the job: " + e.getMessage());
    }
  }
}
