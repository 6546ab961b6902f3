package io.qserverless.gateway.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3 description of the API, generated from the route table, so that it cannot list a
 * route the gateway does not serve or miss one it does.
 */
final class OpenApi {
  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

  private OpenApi() {}

  static Map<String, Object> describe(List<Route> routes, String version) {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Route r : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>)
              paths.computeIfAbsent(
                  r.path() + (r.path().startsWith("/api") ? "/" : ""),
                  p -> new LinkedHashMap<String, Object>());
      Map<String, Object> op = new LinkedHashMap<>();
      op.put("summary", r.summary());
      op.put(
          "operationId",
          r.method().name().toLowerCase() + r.path().replaceAll("[^A-Za-z0-9]+", "_"));
      Matcher m = PARAM.matcher(r.path());
      List<Map<String, Object>> params = new ArrayList<>();
      while (m.find()) {
        params.add(
            Map.of(
                "name",
                m.group(1),
                "in",
                "path",
                "required",
                true,
                "schema",
                Map.of("type", "string")));
      }
      if (!params.isEmpty()) {
        op.put("parameters", params);
      }
      if (r.authenticated()) {
        op.put("security", List.of(Map.of("bearer", List.of())));
      }
      op.put(
          "responses",
          Map.of(
              "200",
              Map.of("description", "OK"),
              "default",
              Map.of(
                  "description",
                  "Error",
                  "content",
                  Map.of(
                      "application/json",
                      Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))))));
      item.put(r.method().name().toLowerCase(), op);
    }
    return Map.of(
        "openapi",
        "3.0.3",
        "info",
        Map.of("title", "Quantum Serverless gateway", "version", version),
        "paths",
        paths,
        "components",
        Map.of(
            "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
            "schemas",
                Map.of(
                    "Error",
                    Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of("message", Map.of("type", "string"))))));
  }
}
