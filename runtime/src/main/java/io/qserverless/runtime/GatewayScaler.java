package io.qserverless.runtime;

import io.qserverless.protocol.http.GatewayHttp;
import io.qserverless.runtime.cluster.Scaler;
import java.util.Map;

/**
 * Adds and removes an auto-scaling job's workers through its gateway, with the job's token: the
 * gateway takes the node's capacity for a worker and starts it (or answers 409 with why it cannot
 * now), and ends a worker the driver no longer needs.
 */
final class GatewayScaler implements Scaler {
  private final GatewayHttp gateway;
  private final String jobId;

  GatewayScaler(GatewayHttp gateway, String jobId) {
    this.gateway = gateway;
    this.jobId = jobId;
  }

  @Override
  public String add(String reason) {
    return gateway
        .send("POST", "api/v1/jobs/" + jobId + "/workers/", Map.of("reason", reason))
        .get("worker")
        .asString();
  }

  @Override
  public void remove(String worker, String reason) {
    gateway.send(
        "POST", "api/v1/jobs/" + jobId + "/workers/" + worker + "/stop/", Map.of("reason", reason));
  }
}
