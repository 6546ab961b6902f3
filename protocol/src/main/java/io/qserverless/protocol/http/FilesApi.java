package io.qserverless.protocol.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's Files API (API.md, "Files"): a user's flat store of {@code .tar} and {@code .h5}
 * files per function. Used by the client SDK with a user token and by the runtime with a job token.
 */
public final class FilesApi {
  private final GatewayHttp http;

  public FilesApi(GatewayHttp http) {
    this.http = http;
  }

  /** The names of {@code function}'s files. */
  public List<String> list(String function) {
    List<String> names = new ArrayList<>();
    JsonNode answer = http.get(GatewayHttp.query("api/v1/files/", Map.of("function", function)));
    if (answer != null) {
      answer.path("results").forEach(n -> names.add(n.asString()));
    }
    return names;
  }

  /** The bytes of {@code function}'s file {@code name}. */
  public byte[] download(String function, String name) {
    return http.download(GatewayHttp.query("api/v1/files/download/", Map.of("function", function, "file", name)));
  }

  /** Stores {@code content} as {@code function}'s file {@code name}; returns the gateway's message. */
  public String upload(String function, String name, byte[] content) {
    return message(http.post(GatewayHttp.query("api/v1/files/upload/", Map.of("function", function)),
        new Multipart().file("file", name, content)));
  }

  /** Deletes {@code function}'s file {@code name}; returns the gateway's message. */
  public String delete(String function, String name) {
    return message(http.send("DELETE", GatewayHttp.query("api/v1/files/delete/",
        Map.of("function", function, "file", name)), null));
  }

  private static String message(JsonNode answer) {
    return answer == null ? "" : answer.path("message").asString("");
  }
}
