package io.qserverless.protocol.value;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Python's {@code complex}: {@code {"__type__": "complex", "__value__": [re, im]}}. */
final class ComplexValue implements TypedValue<Complex> {
  @Override
  public String name() {
    return "complex";
  }

  @Override
  public Class<Complex> type() {
    return Complex.class;
  }

  @Override
  public JsonNode encode(Complex value) {
    return JsonNodeFactory.instance.arrayNode().add(value.re()).add(value.im());
  }

  @Override
  public Complex decode(JsonNode value) {
    if (!value.isArray()
        || value.size() != 2
        || !value.get(0).isNumber()
        || !value.get(1).isNumber()) {
      throw new ValueEncodingException(
          "a complex value is " + value + ": expected [re, im], e.g. [0.5, -1.0]");
    }
    return new Complex(value.get(0).doubleValue(), value.get(1).doubleValue());
  }
}
