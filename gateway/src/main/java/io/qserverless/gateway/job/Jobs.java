package io.qserverless.gateway.job;

import io.qserverless.gateway.auth.Principal;
import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.error.FunctionDisabledException;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.error.NotAllowedException;
import io.qserverless.gateway.error.NotFoundException;
import io.qserverless.gateway.error.TooLargeException;
import io.qserverless.gateway.program.ArgumentsSchema;
import io.qserverless.gateway.program.Program;
import io.qserverless.gateway.program.Programs;
import io.qserverless.protocol.JobStatus;
import io.qserverless.protocol.Json;
import io.qserverless.protocol.SubStatus;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;

/**
 * The job use cases of the REST API: run, read, stop, sub-status, result, logs and events.
 *
 * <p>Access: a user sees only their own jobs (another user's job answers 404, never 403, so ids
 * reveal nothing); a job token sees only its own job.
 */
public final class Jobs {
  private static final int MAX_LOG_BYTES = 1 << 20;
  private final JobRepository repo;
  private final JobLifecycle lifecycle;
  private final Programs programs;
  private final GatewayConfig config;
  private final Consumer<Job> submitted;

  /** A run request: the function title, arguments JSON text, and the optional config object. */
  public record RunRequest(String title, String arguments, Map<String, Object> config) {}

  /** {@code submitted} hears of each queued job (the scheduler wakes if it fits). */
  public Jobs(
      JobRepository repo,
      JobLifecycle lifecycle,
      Programs programs,
      GatewayConfig config,
      Consumer<Job> submitted) {
    this.repo = repo;
    this.lifecycle = lifecycle;
    this.programs = programs;
    this.config = config;
    this.submitted = submitted;
  }

  /** Validates and queues a run; answers at once with the QUEUED job. */
  public Job run(Principal who, RunRequest run) {
    who.requireUserToken();
    if (run.title() == null || run.title().isBlank()) {
      throw new InvalidInputException(
          "The run request needs 'title', the function to run, e.g. "
              + "{\"title\": \"my-function\", \"arguments\": \"{}\"}.");
    }
    String arguments =
        run.arguments() == null || run.arguments().isBlank() ? "{}" : run.arguments();
    long size = arguments.getBytes(StandardCharsets.UTF_8).length;
    if (size > config.limits().maxArgumentsBytes()) {
      throw new TooLargeException(
          "The arguments are "
              + size
              + " bytes, over the cap of "
              + config.limits().maxArgumentsBytes()
              + " bytes; pass large data as files (DATA_PATH) instead.");
    }
    checkJson(arguments);
    Program program = programs.get(who, run.title());
    if (program.disabled()) {
      throw new FunctionDisabledException(
          "The function '"
              + program.title()
              + "' is disabled; its owner can enable it with POST /api/v1/programs/"
              + program.title()
              + "/enable/.");
    }
    ArgumentsSchema.validate(program.argumentsSchema(), arguments);
    RunConfig rc = RunConfig.of(run.config(), config);
    if (rc.workers().clustered() && !program.launch().isJava()) {
      throw new InvalidInputException(
          "The function '"
              + program.title()
              + "' is not a Java program, and workers run"
              + " the tasks of Java programs (io.qserverless.runtime); run it without \"workers\".");
    }
    OffsetDateTime now = OffsetDateTime.now();
    Job job =
        lifecycle.submit(
            new Job(
                UUID.randomUUID().toString(),
                0,
                who.userId(),
                program.id(),
                program.title(),
                program.artifact(),
                program.launch(),
                program.envVars(),
                JobStatus.QUEUED,
                null,
                rc.cpu(),
                rc.memory(),
                rc.timeout(),
                null,
                null,
                null,
                false,
                now,
                now,
                null,
                null,
                0),
            arguments,
            Json.MAPPER.writeValueAsString(run.config() == null ? Map.of() : run.config()));
    submitted.accept(job);
    return job;
  }

  /** The caller's job; 404 for a missing job or another user's. */
  public Job get(Principal who, String id) {
    Job job =
        repo.find(id)
            .filter(j -> j.userId() == who.userId())
            .orElseThrow(
                () -> new NotFoundException("No job '" + id + "'; GET /api/v1/jobs/ lists yours."));
    who.requireJob(id);
    return job;
  }

  public JobPage page(Principal who, JobFilter filter, int limit, int offset) {
    who.requireUserToken();
    if (limit < 1 || limit > 1000 || offset < 0) {
      throw new InvalidInputException(
          "'limit' must be in [1, 1000] and 'offset' >= 0, got limit="
              + limit
              + ", offset="
              + offset
              + ".");
    }
    return repo.page(who.userId(), filter, limit, offset);
  }

  /** Stops a job in any state; a finished job is left as it is (with a message saying so). */
  public String stop(Principal who, String id) {
    Job job = get(who, id);
    return switch (lifecycle.stop(job, "Stopped by " + who.username() + ".")) {
      case STOPPED_QUEUED -> "Job " + id + " was queued and is now stopped.";
      case STOPPING -> "Job " + id + " is being stopped.";
      case ALREADY_STOPPING -> "Job " + id + " is already being stopped.";
      case ALREADY_FINISHED ->
          "Job " + id + " had already finished as " + get(who, id).status() + "; nothing to stop.";
    };
  }

  public Job setSubStatus(Principal who, String id, String value) {
    Job job = get(who, id);
    SubStatus sub;
    try {
      sub = SubStatus.fromWire(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(capitalized(e.getMessage()) + ".");
    }
    if (!job.status().acceptsSubStatus() || !lifecycle.setSubStatus(id, sub)) {
      throw new NotAllowedException(
          "Job "
              + id
              + " is "
              + get(who, id).status()
              + "; a sub-status can be set only while it is QUEUED, PENDING or RUNNING.");
    }
    return get(who, id);
  }

  /** The result JSON text, or null while there is none. */
  public String result(Principal who, String id) {
    return lifecycle.result(get(who, id));
  }

  /**
   * Stores a result sent by the job while it runs (last write wins, also against the program's
   * result file).
   */
  public void saveResult(Principal who, String id, String result) {
    get(who, id);
    if (result == null) {
      throw new InvalidInputException(
          "The body needs a 'result' field holding the result as JSON text.");
    }
    lifecycle.saveResult(id, result);
  }

  /** The job's log so far (at most the last MiB), or null when it has written nothing. */
  public String logs(Principal who, String id) {
    get(who, id);
    return lifecycle.logTail(id, MAX_LOG_BYTES);
  }

  /**
   * Adds a worker to a running auto-scaling job (its driver asks, with the job's token); answers
   * the worker's name, or 409 with why not (e.g. the node has no capacity free now).
   */
  public String addWorker(Principal who, String id, String reason) {
    return lifecycle.addWorker(
        get(who, id), reason == null ? "asked by " + who.username() : reason);
  }

  /** Ends one worker of a running job; 404 when the job runs no such worker. */
  public void stopWorker(Principal who, String id, String worker) {
    if (!lifecycle.stopWorker(get(who, id), worker)) {
      throw new NotFoundException(
          "Job " + id + " runs no worker '" + worker + "'; its WORKER_JOINED events name them.");
    }
  }

  public void addEvent(Principal who, String id, Map<String, Object> body) {
    get(who, id);
    Object type = body.getOrDefault("type", JobEvent.ERROR);
    if (!(type instanceof String t) || !t.matches("[A-Z_]{1,32}")) {
      throw new InvalidInputException(
          "Event 'type' must be an upper-case name like ERROR, got " + type + ".");
    }
    lifecycle.addEvent(id, t, body);
  }

  /**
   * The job's events, of one type if asked; an unknown type is refused (400), as the original does.
   */
  public List<JobEvent> events(Principal who, String id, String type) {
    get(who, id);
    if (type != null && !JobEvent.TYPES.contains(type)) {
      throw new InvalidInputException(
          "Unknown event type '" + type + "'; use one of " + JobEvent.TYPES + ".");
    }
    return repo.events(id, type);
  }

  private static void checkJson(String arguments) {
    try {
      Json.MAPPER.readTree(arguments);
    } catch (JacksonException e) {
      throw new InvalidInputException(
          "The arguments are not valid JSON text ("
              + e.getOriginalMessage()
              + "); send them as a JSON string, e.g. \"arguments\": \"{\\\"n\\\": 3}\".");
    }
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
