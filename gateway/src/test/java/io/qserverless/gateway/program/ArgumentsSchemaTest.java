package io.qserverless.gateway.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.gateway.error.InvalidArgumentsException;
import io.qserverless.gateway.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A function's arguments schema: what it checks, and every bound that keeps an untrusted schema and
 * untrusted arguments from costing the gateway more than a bounded amount of work.
 */
class ArgumentsSchemaTest {
  private static final String N_IS_INTEGER =
      "{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\", \"minimum\": 1}}, \"required\": [\"n\"]}";

  @Test
  void no_schema_an_empty_one_and_braces_validate_nothing() {
    for (String none : new String[] {null, "", "  ", "{}"}) {
      assertThatCode(() -> ArgumentsSchema.validate(none, "{\"anything\": [1]}"))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void arguments_that_fail_name_the_rule_and_the_path_of_the_value() {
    assertThatCode(() -> ArgumentsSchema.validate(N_IS_INTEGER, "{\"n\": 3}"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ArgumentsSchema.validate(N_IS_INTEGER, "{\"n\": 0}"))
        .isInstanceOfSatisfying(
            InvalidArgumentsException.class,
            e -> {
              assertThat(e.getMessage()).contains("minimum");
              assertThat(e.path()).isEqualTo(List.of("n"));
            });
    assertThatThrownBy(() -> ArgumentsSchema.validate(N_IS_INTEGER, "{\"m\": 1}"))
        .hasMessageContaining("n");
    assertThatThrownBy(() -> ArgumentsSchema.validate(N_IS_INTEGER, "{not json"))
        .hasMessageStartingWith("arguments is not valid JSON");
  }

  @Test
  void the_schema_false_refuses_everything_and_true_accepts_everything() {
    assertThatThrownBy(() -> ArgumentsSchema.validate("false", "{}"))
        .isInstanceOf(InvalidArgumentsException.class);
    assertThatCode(() -> ArgumentsSchema.validate("true", "[1, 2]")).doesNotThrowAnyException();
  }

  @Test
  void circuits_are_validated_in_their_encoded_envelope() {
    String circuitList =
        "{\"type\": \"object\", \"properties\": {\"circuits\": {\"type\": \"array\", \"items\":"
            + " {\"type\": \"object\", \"properties\": {\"__type__\": {\"const\": \"QuantumCircuit\"}}, \"required\": [\"__type__\", \"__value__\"]}}}}";
    assertThatCode(
            () ->
                ArgumentsSchema.validate(
                    circuitList,
                    "{\"circuits\": [{\"__type__\": \"QuantumCircuit\", \"__value__\": \"eJw=\"}]}"))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                ArgumentsSchema.validate(
                    circuitList, "{\"circuits\": [{\"__type__\": \"ndarray\", \"__value__\": 1}]}"))
        .isInstanceOfSatisfying(
            InvalidArgumentsException.class,
            e -> assertThat(e.path()).isEqualTo(List.of("circuits", 0, "__type__")));
  }

  @Test
  void an_upload_refuses_schemas_the_gateway_could_not_evaluate_later() {
    assertThatThrownBy(() -> ArgumentsSchema.checkAtUpload("{not json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("arguments_schema")
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> ArgumentsSchema.checkAtUpload("[1]"))
        .hasMessageContaining("object or a boolean");
    assertThatThrownBy(() -> ArgumentsSchema.checkAtUpload("{\"type\": 7}"))
        .hasMessageContaining("not a valid JSON Schema");
    assertThatThrownBy(() -> ArgumentsSchema.checkAtUpload("{\"minimum\": \"one\"}"))
        .hasMessageContaining("not a valid JSON Schema");
    assertThat(ArgumentsSchema.checkAtUpload(N_IS_INTEGER)).isEqualTo(N_IS_INTEGER);
    assertThat(ArgumentsSchema.checkAtUpload("{}")).isEqualTo("{}");
  }

  @Test
  void references_outside_the_document_are_refused_and_never_fetched() {
    for (String ref :
        new String[] {"http://127.0.0.1:9/schema.json", "file:///etc/passwd", "other.json#/x"}) {
      assertThatThrownBy(() -> ArgumentsSchema.checkAtUpload("{\"$ref\": \"" + ref + "\"}"))
          .as(ref)
          .hasMessageContaining("refers outside itself");
    }
    String nested = "{\"properties\": {\"a\": {\"$dynamicRef\": \"https://example.org/s\"}}}";
    assertThatThrownBy(() -> ArgumentsSchema.checkAtUpload(nested))
        .hasMessageContaining("refers outside itself");
    String local =
        "{\"$defs\": {\"pos\": {\"type\": \"integer\", \"minimum\": 1}}, \"properties\": {\"n\": {\"$ref\": \"#/$defs/pos\"}}}";
    assertThat(ArgumentsSchema.checkAtUpload(local)).isEqualTo(local);
    assertThatThrownBy(() -> ArgumentsSchema.validate(local, "{\"n\": -1}"))
        .isInstanceOf(InvalidArgumentsException.class);
  }

  @Test
  void oversized_and_overly_deep_schemas_and_arguments_are_refused() {
    String longSchema =
        "{\"description\": \"" + "x".repeat(ArgumentsSchema.MAX_SCHEMA_CHARS) + "\"}";
    assertThatThrownBy(() -> ArgumentsSchema.checkAtUpload(longSchema))
        .hasMessageContaining("over the limit of 65536");
    String deep = "{\"items\": ".repeat(80) + "{}" + "}".repeat(80);
    assertThatThrownBy(() -> ArgumentsSchema.checkAtUpload(deep))
        .hasMessageContaining("nests deeper than 64");
    String deepArgs = "[".repeat(100) + "]".repeat(100);
    assertThatThrownBy(() -> ArgumentsSchema.validate(N_IS_INTEGER, deepArgs))
        .hasMessageContaining("nest deeper than 64");
  }

  @Test
  @Timeout(10)
  void a_catastrophic_pattern_is_stopped_instead_of_holding_the_thread() {
    // with a back reference Java's regex cannot memoize, and backtracks exponentially on "aaaa...c"
    String redos =
        "{\"properties\": {\"s\": {\"type\": \"string\", \"pattern\": \"^((a)\\\\2*)+b$\"}}}";
    assertThat(ArgumentsSchema.checkAtUpload(redos)).isEqualTo(redos);
    assertThatThrownBy(
            () -> ArgumentsSchema.validate(redos, "{\"s\": \"" + "a".repeat(40) + "c\"}"))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("exceeds the gateway's limit");
    assertThatCode(() -> ArgumentsSchema.validate(redos, "{\"s\": \"aaaab\"}"))
        .doesNotThrowAnyException();
  }

  @Test
  @Timeout(10)
  void a_schema_whose_evaluation_explodes_is_stopped_by_the_step_limit() {
    // a self reference evaluated at every level of a deep instance
    String selfRef =
        "{\"anyOf\": [{\"type\": \"integer\"}, {\"type\": \"array\", \"items\": {\"$ref\": \"#\"}}]}";
    String nested = "[".repeat(10) + "1" + "]".repeat(10);
    assertThatCode(() -> ArgumentsSchema.validate(selfRef, nested)).doesNotThrowAnyException();
    String tooDeep = "[".repeat(60) + "1" + "]".repeat(60);
    assertThatThrownBy(() -> ArgumentsSchema.validate(selfRef, tooDeep))
        .hasMessageContaining("EVALUATION_DEPTH");
    String wide =
        "{\"allOf\": ["
            + String.join(
                ", ",
                java.util.Collections.nCopies(
                    200,
                    "{\"items\": {\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}, {\"type\": \"number\"}]}}"))
            + "]}";
    String big = "[" + String.join(",", java.util.Collections.nCopies(5000, "1.5")) + "]";
    assertThatThrownBy(() -> ArgumentsSchema.validate(wide, big))
        .hasMessageContaining("exceeds the gateway's limit");
  }
}
