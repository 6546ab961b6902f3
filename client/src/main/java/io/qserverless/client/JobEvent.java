package io.qserverless.client;

import tools.jackson.databind.JsonNode;

/**
 * One row of a job's history (API.md, {@code GET /jobs/{id}/events/}): a status change, an error.
 *
 * @param type e.g. {@code STATUS_CHANGE}, {@code ERROR}
 * @param data the event's details as the gateway sent them (an object or a text)
 */
public record JobEvent(String type, String origin, String context, String created, JsonNode data) {

  /** The event's message: {@code data.message} when data is an object, else data as text. */
  public String message() {
    if (data == null || data.isNull()) {
      return null;
    }
    return data.isObject() ? data.path("message").asString(null) : data.asString();
  }

  static JobEvent fromJson(JsonNode e) {
    return new JobEvent(
        e.path("event_type").asString(null),
        e.path("origin").asString(null),
        e.path("context").asString(null),
        e.path("created").asString(null),
        e.get("data"));
  }
}
