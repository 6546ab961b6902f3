package io.qserverless.gateway.http;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.Context;
import io.qserverless.gateway.auth.Principal;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.job.JobFilter;
import io.qserverless.gateway.job.JobPage;
import io.qserverless.gateway.job.Jobs;
import io.qserverless.protocol.JobStatus;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The jobs routes of API.md: parse, call {@link Jobs}, render. */
final class JobEndpoints {
  private static final long SMALL_BODY = 64 * 1024;
  private static final Set<String> RUN_FIELDS =
      Set.of("title", "arguments", "config", "provider", "compute_profile");
  private final Jobs jobs;
  private final long maxArguments;
  private final long maxResult;

  JobEndpoints(Jobs jobs, long maxArguments, long maxResult) {
    this.jobs = jobs;
    this.maxArguments = maxArguments;
    this.maxResult = maxResult;
  }

  List<Route> routes() {
    return List.of(
        Route.authed(
            POST,
            "/api/v1/programs/run",
            "Run a function: queue a job with arguments and config",
            this::run),
        Route.authed(
            GET,
            "/api/v1/jobs",
            "List the caller's jobs, newest first (limit, offset, status, function, created_after)",
            this::list),
        Route.authed(
            GET,
            "/api/v1/jobs/{id}",
            "A job's status and sub-status",
            (ctx, who) -> ctx.json(Views.job(jobs.get(who, id(ctx))))),
        Route.authed(
            GET,
            "/api/v1/jobs/{id}/result",
            "A job's result JSON text; 204 while there is none",
            this::result),
        Route.authed(
            POST,
            "/api/v1/jobs/{id}/result",
            "Save a job's result (job token); last write wins",
            this::saveResult),
        Route.authed(
            GET, "/api/v1/jobs/{id}/logs", "A job's log so far; 204 while it has none", this::logs),
        Route.authed(
            POST,
            "/api/v1/jobs/{id}/stop",
            "Stop a job in any state",
            (ctx, who) -> ctx.json(Map.of("message", jobs.stop(who, id(ctx))))),
        Route.authed(
            PATCH,
            "/api/v1/jobs/{id}/sub_status",
            "Set a running job's sub-status (JSON or form)",
            this::subStatus),
        Route.authed(
            POST, "/api/v1/jobs/{id}/event", "Record an event (e.g. ERROR) for a job", this::event),
        Route.authed(
            POST,
            "/api/v1/jobs/{id}/workers",
            "Add a worker to a running auto-scaling job (its driver asks); 409 when the node has no"
                + " capacity free",
            this::addWorker),
        Route.authed(
            POST,
            "/api/v1/jobs/{id}/workers/{worker}/stop",
            "End one worker of a running job (its driver found it idle)",
            this::stopWorker),
        Route.authed(
            GET,
            "/api/v1/jobs/{id}/events",
            "A job's status history and errors (type filter)",
            this::events));
  }

  private void run(Context ctx, Principal who) {
    Map<String, Object> body = Requests.json(ctx, maxArguments + SMALL_BODY);
    for (String field : body.keySet()) {
      if (!RUN_FIELDS.contains(field)) {
        throw new InvalidInputException(
            "Unknown field '"
                + field
                + "' in the run request; known fields are "
                + RUN_FIELDS.stream().sorted().toList()
                + ".");
      }
    }
    // The Python client always sends these two; this gateway has no provider functions or compute
    // profiles.
    for (String field : List.of("provider", "compute_profile")) {
      if (body.get(field) != null) {
        throw new InvalidInputException(
            "Field '"
                + field
                + "' is not supported by this gateway, got '"
                + body.get(field)
                + "'; leave it null and run one of your own functions by its title.");
      }
    }
    Object config = body.get("config");
    if (config != null && !(config instanceof Map)) {
      throw new InvalidInputException("Field 'config' must be a JSON object, got " + config + ".");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> cfg = (Map<String, Object>) config;
    ctx.json(
        Views.job(
            jobs.run(
                who,
                new Jobs.RunRequest(
                    Requests.string(body, "title"), Requests.jsonText(body, "arguments"), cfg))));
  }

  private void list(Context ctx, Principal who) {
    JobStatus status = null;
    if (ctx.queryParam("status") != null) {
      try {
        status = JobStatus.fromWire(ctx.queryParam("status"));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("Query parameter 'status': " + e.getMessage() + ".");
      }
    }
    OffsetDateTime after = null;
    if (ctx.queryParam("created_after") != null) {
      try {
        after = OffsetDateTime.parse(ctx.queryParam("created_after"));
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(
            "Query parameter 'created_after' must be ISO-8601 with an offset, e.g. "
                + "2026-01-31T12:00:00Z, got '"
                + ctx.queryParam("created_after")
                + "'.");
      }
    }
    int limit = Requests.intParam(ctx, "limit", 10);
    int offset = Requests.intParam(ctx, "offset", 0);
    JobPage page =
        jobs.page(who, new JobFilter(status, ctx.queryParam("function"), after), limit, offset);
    Map<String, Object> out = new HashMap<>();
    out.put("count", page.count());
    out.put("next", offset + limit < page.count() ? pageUrl(ctx, limit, offset + limit) : null);
    out.put("previous", offset > 0 ? pageUrl(ctx, limit, Math.max(0, offset - limit)) : null);
    out.put("results", page.jobs().stream().map(Views::job).toList());
    ctx.json(out);
  }

  private static String pageUrl(Context ctx, int limit, int offset) {
    return ctx.path() + "?limit=" + limit + "&offset=" + offset;
  }

  private void result(Context ctx, Principal who) {
    String result = jobs.result(who, id(ctx));
    if (result == null) {
      ctx.status(204);
    } else {
      ctx.json(Map.of("result", result));
    }
  }

  private void saveResult(Context ctx, Principal who) {
    Map<String, Object> body = Requests.json(ctx, maxResult + SMALL_BODY);
    jobs.saveResult(who, id(ctx), Requests.jsonText(body, "result"));
    ctx.json(Map.of("message", "Result saved."));
  }

  private void logs(Context ctx, Principal who) {
    String logs = jobs.logs(who, id(ctx));
    if (logs == null) {
      ctx.status(204);
    } else {
      ctx.json(Map.of("logs", logs));
    }
  }

  private void subStatus(Context ctx, Principal who) {
    String value =
        Requests.isForm(ctx)
            ? ctx.formParam("sub_status")
            : Requests.string(Requests.json(ctx, SMALL_BODY), "sub_status");
    ctx.json(Map.of("job", Views.job(jobs.setSubStatus(who, id(ctx), value))));
  }

  private void addWorker(Context ctx, Principal who) {
    String reason = Requests.string(Requests.json(ctx, SMALL_BODY), "reason");
    ctx.json(Map.of("worker", jobs.addWorker(who, id(ctx), reason)));
  }

  private void stopWorker(Context ctx, Principal who) {
    String worker = ctx.pathParam("worker");
    jobs.stopWorker(who, id(ctx), worker);
    ctx.json(Map.of("message", worker + " of job " + id(ctx) + " is being stopped."));
  }

  private void event(Context ctx, Principal who) {
    jobs.addEvent(who, id(ctx), Requests.json(ctx, SMALL_BODY));
    ctx.json(Map.of("message", "Event recorded."));
  }

  private void events(Context ctx, Principal who) {
    ctx.json(jobs.events(who, id(ctx), ctx.queryParam("type")).stream().map(Views::event).toList());
  }

  private static String id(Context ctx) {
    return ctx.pathParam("id");
  }
}
