package io.qserverless.cli;

import io.qserverless.protocol.Json;
import io.qserverless.protocol.value.Values;
import java.io.PrintWriter;
import tools.jackson.databind.SerializationFeature;

/** How commands print: plain lines for people, indented JSON for scripts ({@code --json}). */
final class Output {
  private Output() {}

  /** {@code value} (any value the result codec knows, circuits included) as indented JSON. */
  static void json(PrintWriter out, Object value) {
    out.println(
        Json.MAPPER
            .writer()
            .with(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(Values.toTree(value)));
    out.flush();
  }
}
