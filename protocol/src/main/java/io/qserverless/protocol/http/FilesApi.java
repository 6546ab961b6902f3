package io.qserverless.protocol.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's Files API (API.md, "Files"): a user's flat store of files, shared by all of the
 * user's functions (tar, gzip, h5, json, zip, txt, csv, bin). Used by the client SDK with a user
 * token and by the runtime with a job token.
 */
public final class FilesApi {
  private final GatewayHttp http;

  public FilesApi(GatewayHttp http) {
    this.http = http;
  }

  /** The names of the user's files. */
  public List<String> list() {
    List<String> names = new ArrayList<>();
    JsonNode answer = http.get("api/v1/files/");
    if (answer != null) {
      answer.path("results").forEach(n -> names.add(n.asString()));
    }
    return names;
  }

  /** The bytes of the user's file {@code name}. */
  public byte[] download(String name) {
    return http.download(GatewayHttp.query("api/v1/files/download/", Map.of("file", name)));
  }

  /** Stores {@code content} as the user's file {@code name}; returns the gateway's message. */
  public String upload(String name, byte[] content) {
    return message(http.post("api/v1/files/upload/", new Multipart().file("file", name, content)));
  }

  /** Deletes the user's file {@code name}; returns the gateway's message. */
  public String delete(String name) {
    return message(
        http.send("DELETE", GatewayHttp.query("api/v1/files/delete/", Map.of("file", name)), null));
  }

  private static String message(JsonNode answer) {
    return answer == null ? "" : answer.path("message").asString("");
  }
}
