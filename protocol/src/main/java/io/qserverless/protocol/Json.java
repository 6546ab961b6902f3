package io.qserverless.protocol;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper configuration shared by gateway, client and runtime.
 *
 * <p>Unknown fields are ignored so that an older client keeps working against a newer gateway
 * (API.md: "more fields allowed"). Mappers are immutable and thread-safe: share {@link #MAPPER}.
 */
public final class Json {
  public static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private Json() {}
}
