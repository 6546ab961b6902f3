package io.qserverless.gateway.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.qserverless.gateway.error.ConflictException;
import io.qserverless.gateway.error.FunctionDisabledException;
import io.qserverless.gateway.error.InvalidArgumentsException;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.error.JobLimitException;
import io.qserverless.gateway.error.NotAllowedException;
import io.qserverless.gateway.error.NotFoundException;
import io.qserverless.gateway.error.RequestRefusedException;
import io.qserverless.gateway.error.TooLargeException;
import io.qserverless.gateway.error.UnauthenticatedException;
import io.qserverless.gateway.error.UpstreamFailedException;
import io.qserverless.protocol.ErrorBody;
import jakarta.servlet.ServletException;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The one table from failure to HTTP status (API.md, "Errors"), and the rendering of every error
 * answer as {@code {"message": ...}}.
 *
 * <p>Anything not in the table is an internal error: it is logged with its stack trace under a
 * reference the 500 answer quotes, and no internals cross HTTP.
 */
public final class ErrorStatus {
  static final Map<Class<? extends RequestRefusedException>, Integer> TABLE =
      Map.of(
          InvalidInputException.class, 400,
          InvalidArgumentsException.class, 400,
          UnauthenticatedException.class, 401,
          NotAllowedException.class, 403,
          NotFoundException.class, 404,
          ConflictException.class, 409,
          TooLargeException.class, 413,
          FunctionDisabledException.class, 423,
          JobLimitException.class, 429,
          UpstreamFailedException.class, 502);
  private static final Logger LOG = LoggerFactory.getLogger(ErrorStatus.class);

  private ErrorStatus() {}

  /** The status a gateway failure answers with. */
  public static int of(RequestRefusedException e) {
    return TABLE.get(e.getClass());
  }

  static void render(Context ctx, Exception e) {
    switch (e) {
      case InvalidArgumentsException a ->
          ctx.status(400).json(Map.of("message", a.getMessage(), "path", a.path()));
      case RequestRefusedException g -> answer(ctx, of(g), g.getMessage());
      case JacksonException j ->
          answer(
              ctx,
              400,
              "The request body is not valid JSON ("
                  + j.getOriginalMessage()
                  + "); send a JSON object as API.md shows.");
      // Jetty reports a malformed request (e.g. a broken multipart body) wrapped in a
      // ServletException.
      // Jetty closes such a connection afterwards: say so, or a client reusing it gets no answer.
      case ServletException se
          when se.getCause() instanceof HttpException bad && bad.getCode() < 500 -> {
        ctx.header("Connection", "close");
        answer(
            ctx,
            bad.getCode(),
            "The request is malformed ("
                + bad.getReason()
                + "); send multipart/form-data or a JSON object as API.md shows.");
      }
      case HttpResponseException h ->
          answer(
              ctx,
              h.getStatus(),
              h.getStatus() == 413
                  ? "The request body is larger than the gateway accepts; send less (see the caps in docs/operations.md)."
                  : h.getMessage());
      default -> {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("internal error {} on {} {}", ref, ctx.method(), ctx.path(), e);
        answer(
            ctx,
            500,
            "The gateway failed on this request (reference "
                + ref
                + "); retry, and report the reference if it persists.");
      }
    }
  }

  static void answer(Context ctx, int status, String message) {
    ctx.status(status).json(new ErrorBody(message));
  }
}
