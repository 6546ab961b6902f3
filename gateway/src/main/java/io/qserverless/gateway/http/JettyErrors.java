package io.qserverless.gateway.http;

import io.qserverless.protocol.ErrorBody;
import io.qserverless.protocol.Json;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives on its own, before a request reaches the routes (431 headers too large,
 * 414 URI too long, 400 unparseable request), in the API's JSON error body instead of an HTML page.
 */
final class JettyErrors extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    byte[] body = Json.MAPPER.writeValueAsBytes(new ErrorBody(explain(code, message)));
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private static String explain(int code, String reason) {
    return switch (code) {
      case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 ->
          "The request's headers are larger than the gateway accepts; send fewer or shorter headers.";
      case HttpStatus.URI_TOO_LONG_414 ->
          "The request's URI is longer than the gateway accepts; put long values in the request body.";
      default ->
          "The request could not be served ("
              + (reason == null ? HttpStatus.getMessage(code) : reason)
              + "); send it as API.md shows.";
    };
  }
}
