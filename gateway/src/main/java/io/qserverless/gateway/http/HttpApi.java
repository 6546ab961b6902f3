package io.qserverless.gateway.http;

import static io.javalin.http.HandlerType.GET;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.json.JsonMapper;
import io.qserverless.gateway.auth.Accounts;
import io.qserverless.gateway.auth.Principal;
import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.file.UserFiles;
import io.qserverless.gateway.job.Jobs;
import io.qserverless.gateway.job.RuntimeJobs;
import io.qserverless.gateway.metrics.GatewayMetrics;
import io.qserverless.gateway.program.Programs;
import io.qserverless.protocol.Json;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The REST API v1 on Javalin: one route table (which also feeds {@code /openapi.json}), bearer
 * authentication, error rendering and request metrics in one wrapper around every handler.
 *
 * <p>Handlers run on virtual threads. This layer only parses, calls the feature use cases and
 * renders; it decides nothing about jobs, files or users.
 */
public final class HttpApi {
  private final List<Route> routes = new ArrayList<>();
  private final Accounts accounts;
  private final GatewayMetrics metrics;
  private final Javalin app;

  public HttpApi(
      GatewayConfig config,
      BooleanSupplier databaseReachable,
      Accounts accounts,
      Programs programs,
      Jobs jobs,
      RuntimeJobs runtimeJobs,
      UserFiles files,
      GatewayMetrics metrics,
      String version) {
    this.accounts = accounts;
    this.metrics = metrics;
    GatewayConfig.Limits limits = config.limits();
    routes.addAll(new AuthEndpoints(accounts).routes());
    routes.addAll(
        new ProgramEndpoints(
                programs, limits.maxUploadBytes(), limits.maxArgumentsBytes() + (64 << 10))
            .routes());
    routes.addAll(
        new JobEndpoints(jobs, limits.maxArgumentsBytes(), limits.maxResultBytes()).routes());
    routes.addAll(new RuntimeJobEndpoints(runtimeJobs).routes());
    routes.addAll(new FileEndpoints(files, limits.maxFileBytes()).routes());
    routes.add(
        Route.open(
            GET,
            "/version",
            "The gateway's version",
            (ctx, who) -> ctx.json(Map.of("version", version))));
    routes.add(
        Route.open(
            GET,
            "/liveness",
            "200 while the process serves requests",
            (ctx, who) -> ctx.json(Map.of("status", "alive"))));
    routes.add(
        Route.open(
            GET,
            "/readiness",
            "200 when the database answers, else 503",
            (ctx, who) -> {
              boolean up = databaseReachable.getAsBoolean();
              ctx.status(up ? 200 : 503)
                  .json(Map.of("status", up ? "ready" : "database unreachable"));
            }));
    routes.add(
        Route.open(
            GET,
            "/metrics",
            "Prometheus metrics",
            (ctx, who) ->
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape())));
    Map<String, Object> openApi = OpenApi.describe(routes, version);
    routes.add(
        Route.open(
            GET, "/openapi.json", "This description (OpenAPI 3)", (ctx, who) -> ctx.json(openApi)));
    long maxBody = Math.max(limits.maxArgumentsBytes(), limits.maxResultBytes()) + (1 << 20);
    this.app =
        Javalin.create(
            c -> {
              c.concurrency.useVirtualThreads = true;
              c.startup.showJavalinBanner = false;
              c.startup.showOldJavalinVersionWarning = false;
              c.router.ignoreTrailingSlashes = true;
              c.http.maxRequestSize = maxBody;
              c.jetty.host = config.host();
              c.jetty.port = config.port();
              c.jetty.multipartConfig.maxFileSize(
                  Math.max(limits.maxUploadBytes(), limits.maxFileBytes()) + 1, SizeUnit.BYTES);
              c.jetty.multipartConfig.maxInMemoryFileSize(1 << 20, SizeUnit.BYTES);
              c.jsonMapper(new SharedMapper());
              c.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
              Dashboard.serve(c);
              for (Route r : routes) {
                c.routes.addHttpHandler(r.method(), r.path(), ctx -> serve(r, ctx));
              }
              c.routes.exception(Exception.class, (e, ctx) -> ErrorStatus.render(ctx, e));
              c.routes.error(
                  404,
                  ctx -> {
                    if (!String.valueOf(ctx.res().getContentType())
                        .startsWith("application/json")) {
                      ErrorStatus.answer(
                          ctx,
                          404,
                          "No such endpoint: "
                              + ctx.method()
                              + " "
                              + ctx.path()
                              + "; see /openapi.json.");
                    }
                  });
              c.routes.error(
                  405,
                  ctx ->
                      ErrorStatus.answer(
                          ctx,
                          405,
                          "Method " + ctx.method() + " is not allowed on " + ctx.path() + "."));
            });
  }

  public void start() {
    app.start();
  }

  public int port() {
    return app.port();
  }

  public void stop() {
    app.stop();
  }

  private void serve(Route r, Context ctx) {
    long t0 = System.nanoTime();
    try {
      Principal who = r.authenticated() ? accounts.authenticate(bearer(ctx)) : null;
      r.action().handle(ctx, who);
    } catch (Exception e) {
      ErrorStatus.render(ctx, e);
    } finally {
      metrics.request(
          r.method().name(), r.path(), ctx.statusCode(), Duration.ofNanos(System.nanoTime() - t0));
    }
  }

  private static String bearer(Context ctx) {
    String h = ctx.header("Authorization");
    if (h == null) {
      return null;
    }
    return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : "";
  }

  /**
   * Javalin renders JSON with the project's shared mapper (snake_case field names stay as written).
   */
  private static final class SharedMapper implements JsonMapper {
    @Override
    public String toJsonString(Object obj, Type type) {
      return Json.MAPPER.writeValueAsString(obj);
    }
  }
}
