package io.qserverless.gateway.http;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.Context;
import io.qserverless.gateway.auth.Principal;
import io.qserverless.gateway.job.RuntimeJobs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET/POST /api/v1/jobs/{id}/runtime_jobs/}: the Qiskit Runtime jobs a job reported. */
final class RuntimeJobEndpoints {
  private static final long SMALL_BODY = 16 * 1024;
  private final RuntimeJobs runtimeJobs;

  RuntimeJobEndpoints(RuntimeJobs runtimeJobs) {
    this.runtimeJobs = runtimeJobs;
  }

  List<Route> routes() {
    return List.of(
        Route.authed(
            GET,
            "/api/v1/jobs/{id}/runtime_jobs",
            "The Qiskit Runtime jobs the job reported: {\"runtime_jobs\": [{\"runtime_job\", \"runtime_session\"}]}",
            this::list),
        Route.authed(
            POST,
            "/api/v1/jobs/{id}/runtime_jobs",
            "Report a Qiskit Runtime job the job started (JSON or form runtime_job, optional runtime_session)",
            this::add));
  }

  private void list(Context ctx, Principal who) {
    List<Map<String, Object>> out =
        runtimeJobs.list(who, ctx.pathParam("id")).stream()
            .map(
                r -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("runtime_job", r.runtimeJob());
                  m.put("runtime_session", r.runtimeSession());
                  return m;
                })
            .toList();
    ctx.json(Map.of("runtime_jobs", out));
  }

  private void add(Context ctx, Principal who) {
    Map<String, Object> body = Requests.jsonOrForm(ctx, SMALL_BODY);
    String job = Requests.string(body, "runtime_job");
    runtimeJobs.add(who, ctx.pathParam("id"), job, Requests.string(body, "runtime_session"));
    ctx.json(
        Map.of(
            "message",
            "RuntimeJob object ["
                + job
                + "] created for serverless job id ["
                + ctx.pathParam("id")
                + "]."));
  }
}
