package io.qserverless.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * HTTP requests shaped as the real qiskit_serverless 0.35 client sends them with Python's {@code
 * requests} (read from client/qiskit_serverless in github.com/Qiskit/qiskit-serverless): its
 * headers ({@code get_headers}: {@code Authorization}, {@code Service-Channel}, {@code
 * Service-CRN}, plus requests' own), {@code params=} dropping {@code None} values, {@code json=}
 * bodies written by {@code json.dumps} (", " and ": " separators), {@code data=} as an urlencoded
 * form, and {@code files=} as multipart with the data fields first. Paths are passed exactly as the
 * client builds them, with or without a trailing slash.
 */
final class PythonRequests {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String host;
  private final String token;
  private final String channel;
  private final String instance;

  /** What came back: the status, the body and the headers. */
  record Response(int status, byte[] body, java.net.http.HttpHeaders headers) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    tools.jackson.databind.JsonNode json() {
      return io.qserverless.protocol.Json.MAPPER.readTree(body);
    }
  }

  /**
   * A client as {@code ServerlessClient(host=..., token=..., instance=..., channel=...)}; null
   * instance/channel send no header.
   */
  PythonRequests(String host, String token, String channel, String instance) {
    this.host = host;
    this.token = token;
    this.channel = channel;
    this.instance = instance;
  }

  Response get(String path, Map<String, Object> params) {
    return send(base(path, params).GET());
  }

  Response delete(String path, Map<String, Object> params, Map<String, String> extraHeaders) {
    HttpRequest.Builder b = base(path, params).DELETE();
    extraHeaders.forEach(b::header);
    return send(b);
  }

  /** {@code requests.post(url, json=body)}. */
  Response postJson(String path, Map<String, Object> body) {
    return send(
        base(path, Map.of())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(pythonJson(body))));
  }

  /** {@code requests.patch/post(url, data=fields)}: an urlencoded form. */
  Response form(String method, String path, Map<String, Object> fields) {
    StringJoiner form = new StringJoiner("&");
    fields.forEach(
        (k, v) -> {
          if (v != null) {
            form.add(enc(k) + "=" + enc(String.valueOf(v)));
          }
        });
    return send(
        base(path, Map.of())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .method(method, HttpRequest.BodyPublishers.ofString(form.toString())));
  }

  /** {@code requests.post(url, data=fields, files={name: (filename, bytes)}, params=params)}. */
  Response multipart(
      String path,
      Map<String, Object> params,
      Map<String, Object> fields,
      String fileField,
      String filename,
      byte[] content) {
    String boundary = UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fields.forEach(
        (k, v) -> {
          if (v != null) {
            part(
                out,
                boundary,
                "name=\"" + k + "\"",
                String.valueOf(v).getBytes(StandardCharsets.UTF_8));
          }
        });
    part(out, boundary, "name=\"" + fileField + "\"; filename=\"" + filename + "\"", content);
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        base(path, params)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  private static void part(
      ByteArrayOutputStream out, String boundary, String disposition, byte[] content) {
    out.writeBytes(
        ("--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder base(String path, Map<String, Object> params) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    params.forEach(
        (k, v) -> {
          if (v != null) {
            query.add(
                enc(k)
                    + "="
                    + enc(v instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(v)));
          }
        });
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(host + path + query))
            .timeout(Duration.ofSeconds(60))
            .header("User-Agent", "python-requests/2.34.2")
            .header("Accept", "*/*")
            .header("Authorization", "Bearer " + token);
    if (channel != null) {
      b.header("Service-Channel", channel);
    }
    if (instance != null) {
      b.header("Service-CRN", instance);
    }
    return b;
  }

  private static Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** {@code json.dumps(body)}: Python's default separators, None as null, key order kept. */
  static String pythonJson(Object v) {
    return switch (v) {
      case null -> "null";
      case String s -> io.qserverless.protocol.Json.MAPPER.writeValueAsString(s);
      case Boolean b -> b ? "true" : "false";
      case Number n -> n.toString();
      case Map<?, ?> m -> {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        m.forEach((k, x) -> j.add(pythonJson(String.valueOf(k)) + ": " + pythonJson(x)));
        yield j.toString();
      }
      case Iterable<?> items -> {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        items.forEach(x -> j.add(pythonJson(x)));
        yield j.toString();
      }
      default -> throw new IllegalArgumentException("no JSON for " + v);
    };
  }

  /** A map that keeps its order and allows null values, like a Python dict literal. */
  static Map<String, Object> dict(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }
}
