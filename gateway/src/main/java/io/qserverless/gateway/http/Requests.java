package io.qserverless.gateway.http;

import io.javalin.http.Context;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.error.TooLargeException;
import io.qserverless.protocol.Json;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/** Reading request bodies and parameters, with the gateway's size caps and messages. */
final class Requests {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private Requests() {}

  /**
   * The JSON object body (an empty body reads as {}); 413 over {@code max} bytes, 400 when not an
   * object.
   */
  static Map<String, Object> json(Context ctx, long max) {
    checkLength(ctx, max);
    byte[] body = ctx.bodyAsBytes();
    if (body.length > max) {
      throw tooLarge(body.length, max);
    }
    if (body.length == 0) {
      return Map.of();
    }
    JsonNode tree = Json.MAPPER.readTree(body);
    if (tree == null || !tree.isObject()) {
      throw new InvalidInputException(
          "The request body must be a JSON object, got "
              + (tree == null ? "nothing" : tree.getNodeType().name().toLowerCase())
              + "; send {...} as API.md shows.");
    }
    return Json.MAPPER.convertValue(tree, OBJECT);
  }

  /**
   * A JSON object body, or the fields of a form (urlencoded or multipart) body, as Python's
   * requests sends {@code data=}.
   */
  static Map<String, Object> jsonOrForm(Context ctx, long max) {
    if (!isForm(ctx)) {
      return json(ctx, max);
    }
    checkLength(ctx, max);
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    ctx.formParamMap()
        .forEach((name, values) -> fields.put(name, values.isEmpty() ? null : values.getFirst()));
    return fields;
  }

  static boolean isForm(Context ctx) {
    return ctx.isMultipartFormData()
        || String.valueOf(ctx.contentType()).startsWith("application/x-www-form-urlencoded");
  }

  static void checkLength(Context ctx, long max) {
    long length = ctx.req().getContentLengthLong();
    if (length > max) {
      throw tooLarge(length, max);
    }
  }

  /** A string field of a JSON body; a non-string value is refused. */
  static String string(Map<String, Object> body, String field) {
    Object v = body.get(field);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw new InvalidInputException("Field '" + field + "' must be a string, got " + v + ".");
  }

  /**
   * A field holding JSON text (the contract), or a JSON value, which is taken as its text; null
   * when absent.
   */
  static String jsonText(Map<String, Object> body, String field) {
    Object v = body.get(field);
    return v == null || v instanceof String ? (String) v : Json.MAPPER.writeValueAsString(v);
  }

  static int intParam(Context ctx, String name, int dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "Query parameter '" + name + "' must be a whole number, got '" + v + "'.");
    }
  }

  private static TooLargeException tooLarge(long size, long max) {
    return new TooLargeException(
        "The request body is "
            + size
            + " bytes, over the cap of "
            + max
            + " bytes; send less, or pass large data as files.");
  }
}
