package io.qserverless.protocol.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) built in memory: text fields and file parts.
 * Uploads are size-capped by the gateway, so holding one in memory is fine.
 */
public final class Multipart {
  private final String boundary = "qs-" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** Adds the text field {@code name}; a null value adds nothing. */
  public Multipart field(String name, String value) {
    if (value != null) {
      head("form-data; name=\"" + name + "\"", "text/plain; charset=UTF-8");
      body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
      body.writeBytes(CRLF);
    }
    return this;
  }

  /** Adds the file part {@code name} with the file name {@code fileName} and its bytes. */
  public Multipart file(String name, String fileName, byte[] content) {
    head(
        "form-data; name=\"" + name + "\"; filename=\"" + fileName.replace("\"", "%22") + "\"",
        "application/octet-stream");
    body.writeBytes(content);
    body.writeBytes(CRLF);
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The finished body; the closing boundary is added here. */
  public byte[] bytes() {
    ByteArrayOutputStream all = new ByteArrayOutputStream(body.size() + 64);
    all.writeBytes(body.toByteArray());
    all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return all.toByteArray();
  }

  private void head(String disposition, String type) {
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: "
            + disposition
            + "\r\nContent-Type: "
            + type
            + "\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
  }

  private static final byte[] CRLF = {'\r', '\n'};
}
