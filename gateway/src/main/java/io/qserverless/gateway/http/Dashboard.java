package io.qserverless.gateway.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The web dashboard: the static page in the jar's {@code dashboard/} folder, served at {@code /}.
 * The page talks to the REST API v1 with the user's token like any other client; it has no routes
 * of its own.
 *
 * <p>Its headers are a second line against script injection (the page already renders every value
 * as text): the policy admits only the page's own scripts and styles, no inline script, no framing,
 * and fetches to this origin only. {@code no-cache} makes a browser revalidate the page after a
 * gateway upgrade.
 */
final class Dashboard {
  private static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy",
              "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                  + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "Cache-Control", "no-cache");

  private Dashboard() {}

  static void serve(JavalinConfig c) {
    c.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = "/dashboard";
          files.location = Location.CLASSPATH;
          files.headers = HEADERS;
        });
  }
}
