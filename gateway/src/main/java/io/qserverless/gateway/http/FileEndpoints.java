package io.qserverless.gateway.http;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.qserverless.gateway.auth.Principal;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.file.UserFiles;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** The Files routes of API.md. */
final class FileEndpoints {
  private final UserFiles files;
  private final long maxFile;

  FileEndpoints(UserFiles files, long maxFile) {
    this.files = files;
    this.maxFile = maxFile;
  }

  List<Route> routes() {
    return List.of(
        Route.authed(
            GET,
            "/api/v1/files",
            "List the caller's files, shared by all their functions (function accepted)",
            (ctx, who) -> ctx.json(Map.of("results", files.list(who, function(ctx))))),
        Route.authed(
            POST,
            "/api/v1/files/upload",
            "Upload a file: tar, gzip, h5, json, zip, txt, csv or bin (multipart field file; function accepted)",
            this::upload),
        Route.authed(
            GET,
            "/api/v1/files/download",
            "Download a file (file; function accepted)",
            this::download),
        Route.authed(
            DELETE,
            "/api/v1/files/delete",
            "Delete a file (file; function accepted)",
            (ctx, who) -> {
              files.delete(who, function(ctx), ctx.queryParam("file"));
              ctx.json(Map.of("message", "Requested file was deleted."));
            }));
  }

  private void upload(Context ctx, Principal who) throws Exception {
    Requests.checkLength(ctx, maxFile + 1024 * 1024);
    if (!ctx.isMultipartFormData()) {
      throw new InvalidInputException(
          "Upload the file as multipart/form-data in a field named 'file'.");
    }
    UploadedFile file = ctx.uploadedFile("file");
    String function =
        ctx.queryParam("function") != null ? ctx.queryParam("function") : ctx.formParam("function");
    function(ctx);
    try (InputStream in = file == null ? null : file.content()) {
      files.upload(who, function, file == null ? null : file.filename(), in);
    }
    ctx.json(Map.of("message", "File " + file.filename() + " was uploaded."));
  }

  private void download(Context ctx, Principal who) {
    String name = ctx.queryParam("file");
    InputStream in = files.download(who, function(ctx), name);
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    ctx.contentType(UserFiles.mimeType(name)).result(in);
  }

  /**
   * The {@code function} parameter; {@code provider} (the client sends it for provider functions)
   * is refused.
   */
  private static String function(Context ctx) {
    String provider = ctx.queryParam("provider");
    if (provider != null && !provider.isBlank()) {
      throw new InvalidInputException(
          "Provider functions are not supported by this gateway (provider '"
              + provider
              + "'); leave 'provider' out to use your own files.");
    }
    return ctx.queryParam("function");
  }
}
