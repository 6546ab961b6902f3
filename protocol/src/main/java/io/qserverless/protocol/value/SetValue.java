package io.qserverless.protocol.value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Python's {@code set}: {@code {"__type__": "set", "__value__": [items]}}, decoded to an
 * insertion-ordered {@code Set}.
 */
final class SetValue implements TypedValue<Set<?>> {
  @Override
  public String name() {
    return "set";
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<Set<?>> type() {
    return (Class) Set.class;
  }

  @Override
  public JsonNode encode(Set<?> value) {
    return Values.toTree(new ArrayList<>(value));
  }

  @Override
  public Set<Object> decode(JsonNode value) {
    if (!value.isArray()) {
      throw new ValueEncodingException(
          "a set value is " + value + ": expected a JSON array of its items");
    }
    return new LinkedHashSet<>((List<?>) Values.fromTree(value));
  }
}
