package io.qserverless.gateway.http;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.qserverless.gateway.auth.Principal;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.program.Programs;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The function (program) routes of API.md (upload, list, get by title, dependencies-versions) and
 * the addition disable / enable.
 */
final class ProgramEndpoints {
  private final Programs programs;
  private final long maxUpload;
  private final long maxArguments;

  ProgramEndpoints(Programs programs, long maxUpload, long maxArguments) {
    this.programs = programs;
    this.maxUpload = maxUpload;
    this.maxArguments = maxArguments;
  }

  List<Route> routes() {
    return List.of(
        Route.authed(
            POST,
            "/api/v1/programs/upload",
            "Upload a function: multipart title, entrypoint, artifact (tar)",
            this::upload),
        Route.authed(
            GET,
            "/api/v1/programs",
            "List the caller's functions",
            (ctx, who) -> ctx.json(programs.list(who).stream().map(Views::program).toList())),
        Route.authed(
            GET,
            "/api/v1/programs/get_by_title/{title}",
            "The caller's function of that title",
            (ctx, who) -> {
              who.requireUserToken();
              ctx.json(Views.program(programs.get(who, ctx.pathParam("title"))));
            }),
        Route.authed(
            POST,
            "/api/v1/programs/validate_arguments",
            "Check arguments (JSON text) against the function's JSON Schema without running it: {\"valid\": true} or 400",
            this::validateArguments),
        Route.authed(
            POST,
            "/api/v1/programs/{title}/disable",
            "Disable the caller's function: new runs answer 423 until it is enabled",
            setDisabled(true)),
        Route.authed(
            POST,
            "/api/v1/programs/{title}/enable",
            "Enable the caller's disabled function",
            setDisabled(false)),
        Route.authed(
            GET,
            "/api/v1/dependencies-versions",
            "The dependencies the gateway admits: allowlist patterns (group[:artifact[:version or range]]), or \"*\" for any",
            (ctx, who) -> ctx.json(programs.admittedDependencies())));
  }

  private Route.Action setDisabled(boolean disabled) {
    return (ctx, who) ->
        ctx.json(Views.program(programs.setDisabled(who, ctx.pathParam("title"), disabled)));
  }

  private void validateArguments(Context ctx, Principal who) {
    Map<String, Object> body = Requests.json(ctx, maxArguments);
    programs.validateArguments(
        who, Requests.string(body, "title"), Requests.jsonText(body, "arguments"));
    ctx.json(Map.of("valid", true));
  }

  private void upload(Context ctx, Principal who) throws Exception {
    Requests.checkLength(ctx, maxUpload + 1024 * 1024);
    for (String absent : List.of("provider", "image")) {
      // the Python client sends both when set; this gateway runs the caller's own artifacts only
      if (ctx.formParam(absent) != null && !ctx.formParam(absent).isBlank()) {
        throw new InvalidInputException(
            "Field '"
                + absent
                + "' is not supported by this gateway (got '"
                + ctx.formParam(absent)
                + "'): upload your own function with an artifact and leave '"
                + absent
                + "' out.");
      }
    }
    if (!ctx.isMultipartFormData()) {
      throw new InvalidInputException(
          "Upload as multipart/form-data with fields title, entrypoint and artifact (a tar file).");
    }
    UploadedFile artifact = ctx.uploadedFile("artifact");
    Programs.Upload up =
        new Programs.Upload(
            ctx.formParam("title"),
            ctx.formParam("entrypoint"),
            ctx.formParam("dependencies"),
            ctx.formParam("env_vars"),
            ctx.formParam("description"),
            ctx.formParam("version"),
            ctx.formParam("arguments_schema"));
    try (InputStream in = artifact == null ? null : artifact.content()) {
      ctx.json(Views.program(programs.upload(who, up, in)));
    }
  }
}
