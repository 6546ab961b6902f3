package io.qserverless.protocol.value;

import io.qserverless.protocol.qpy.Qpy;
import io.qserverless.quantum.circuit.Parameter;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A circuit {@code Parameter}: base64 (not compressed) of QPY's PARAMETER struct, as the Python
 * client's encoder writes it, so that the uuid (the parameter's identity) survives.
 */
final class ParameterValue implements TypedValue<Parameter> {
  @Override
  public String name() {
    return "Parameter";
  }

  @Override
  public Class<Parameter> type() {
    return Parameter.class;
  }

  @Override
  public JsonNode encode(Parameter value) {
    return JsonNodeFactory.instance.stringNode(
        Base64.getEncoder().encodeToString(Qpy.writeParameter(value)));
  }

  @Override
  public Parameter decode(JsonNode value) {
    if (!value.isString()) {
      throw new ValueEncodingException("a Parameter value is " + value + ": expected base64 text");
    }
    try {
      return Qpy.readParameter(Base64.getDecoder().decode(value.asString()));
    } catch (IllegalArgumentException e) {
      throw new ValueEncodingException(
          "a Parameter value is not base64 (" + e.getMessage() + ")", e);
    }
  }
}
