package io.qserverless.protocol.http;

import io.qserverless.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Calls one gateway with one bearer token over {@link HttpClient}: JSON in, JSON out, multipart
 * uploads, byte downloads.
 *
 * <p>Every failure becomes the caller's own exception type (each module has its own exception
 * root), made by its {@link Failure} from the gateway's {@code message} (API.md, "Errors"), or,
 * when the gateway cannot be reached, from a message naming the host to check. Thread-safe: the
 * HTTP client is shared and the fields are final.
 */
public final class GatewayHttp {
  /** Makes the exception a failed call throws. */
  @FunctionalInterface
  public interface Failure {
    /**
     * @param status the HTTP status the gateway answered, or 0 when no answer came
     * @param cause the I/O failure when no answer came, else null
     */
    RuntimeException of(int status, String message, Throwable cause);
  }

  /**
   * Created on the first call, not with the first GatewayHttp: building an HttpClient costs a few
   * hundred milliseconds of a job's start-up, and most jobs (arguments and result are files) make
   * no call at all.
   */
  private static final class Shared {
    static final HttpClient HTTP =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  private final URI host;
  private final String token;
  private final Failure failure;

  /**
   * @param host the gateway base URL, e.g. {@code http://127.0.0.1:8000}
   * @param token the bearer token, or null for calls that need none (login, version)
   */
  public GatewayHttp(String host, String token, Failure failure) {
    this.host = parseHost(host);
    this.token = token;
    this.failure = failure;
  }

  public String host() {
    return host.toString();
  }

  /** A copy that sends {@code newToken}. */
  public GatewayHttp withToken(String newToken) {
    return new GatewayHttp(host.toString(), newToken, failure);
  }

  /** GET {@code path}; null when the gateway answers 204 (no content yet). */
  public JsonNode get(String path) {
    return json(request(path).GET(), path);
  }

  /** {@code method} {@code path} with {@code body} as JSON (null sends no body). */
  public JsonNode send(String method, String path, Object body) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? BodyPublishers.noBody()
            : BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body));
    return json(
        request(path).header("Content-Type", "application/json").method(method, publisher), path);
  }

  /** POST {@code path} with a multipart body. */
  public JsonNode post(String path, Multipart body) {
    return json(
        request(path)
            .header("Content-Type", body.contentType())
            .POST(BodyPublishers.ofByteArray(body.bytes())),
        path);
  }

  /** GET {@code path} as bytes (a file download). */
  public byte[] download(String path) {
    return exchange(request(path).GET(), path).body();
  }

  /** {@code path?k=v&...} with the values URL-encoded; null values are left out. */
  public static String query(String path, Map<String, ?> params) {
    StringJoiner q = new StringJoiner("&", path + "?", "").setEmptyValue(path);
    params.forEach(
        (k, v) -> {
          if (v != null) {
            q.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
          }
        });
    return q.toString();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(host.resolve(path)).timeout(Duration.ofMinutes(5));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private JsonNode json(HttpRequest.Builder request, String path) {
    HttpResponse<byte[]> response = exchange(request.header("Accept", "application/json"), path);
    if (response.statusCode() == 204 || response.body().length == 0) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(response.body());
    } catch (JacksonException e) {
      throw failure.of(
          response.statusCode(),
          "the gateway at "
              + host
              + " answered "
              + path
              + " with text that is not JSON; check that --host points at a qserverless gateway",
          null);
    }
  }

  private HttpResponse<byte[]> exchange(HttpRequest.Builder request, String path) {
    HttpResponse<byte[]> response;
    try {
      response = Shared.HTTP.send(request.build(), BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw failure.of(
          0,
          "cannot reach the gateway at "
              + host
              + " ("
              + e
              + "); check the host (--host or GATEWAY_HOST) and that the gateway is running",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure.of(0, "interrupted while calling " + host + path, e);
    }
    if (response.statusCode() >= 400) {
      throw failure.of(response.statusCode(), errorMessage(response, path), null);
    }
    return response;
  }

  private static String errorMessage(HttpResponse<byte[]> response, String path) {
    String text = new String(response.body(), StandardCharsets.UTF_8);
    try {
      JsonNode message = Json.MAPPER.readTree(text).get("message");
      if (message != null && message.isString()) {
        return message.stringValue();
      }
    } catch (JacksonException notJson) {
      // fall through: quote the raw text
    }
    String quoted = text.isBlank() ? "no message" : text.strip();
    return "HTTP "
        + response.statusCode()
        + " from "
        + path
        + ": "
        + (quoted.length() > 300 ? quoted.substring(0, 300) + "..." : quoted);
  }

  private static URI parseHost(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException(
          "no gateway host given: pass one such as http://127.0.0.1:8000 "
              + "(--host or GATEWAY_HOST)");
    }
    if (!host.startsWith("http://") && !host.startsWith("https://")) {
      throw new IllegalArgumentException(
          "gateway host '"
              + host
              + "' must start with http:// or https://, "
              + "e.g. http://127.0.0.1:8000");
    }
    URI uri;
    try {
      uri = URI.create(host.endsWith("/") ? host : host + "/");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "gateway host '" + host + "' is not a URL: expected e.g. http://127.0.0.1:8000", e);
    }
    return uri;
  }
}
