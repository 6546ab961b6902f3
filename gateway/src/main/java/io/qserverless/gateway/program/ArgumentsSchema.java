package io.qserverless.gateway.program;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.ValidationLimitExceededException;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.regex.RegularExpression;
import io.qserverless.gateway.error.InvalidArgumentsException;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A function's optional JSON Schema for its arguments (networknt json-schema-validator, draft
 * 2020-12 unless the schema's {@code $schema} says otherwise), checked at upload and applied on run
 * and on {@code validate_arguments}, as the original gateway does (specs/ARGUMENTS_VALIDATION.md).
 *
 * <p>The schema is applied to the arguments as the client encodes them (circuits are {@code
 * {"__type__": "QuantumCircuit", ...}} objects). No schema, an empty one and {@code {}} mean no
 * validation; {@code false} refuses everything. Both sides are untrusted and evaluated in the
 * request thread, so every cost is bounded: the schema's length, nesting and size, and the
 * evaluation's steps and depth; references are never fetched (only {@code #...} references within
 * the document are allowed); {@code pattern} runs on Java's regex over a text that stops the match
 * after a fixed number of character reads, so a backtracking pattern cannot hold a thread.
 * Thread-safe; compiled schemas are cached by their text.
 */
public final class ArgumentsSchema {
  static final int MAX_SCHEMA_CHARS = 64 * 1024;
  static final int MAX_DEPTH = 64;
  static final int MAX_NODES = 2000;
  static final long MAX_STEPS = 200_000;
  static final long MAX_REGEX_READS = 1_000_000;
  private static final int MAX_MESSAGE = 300;
  private static final int CACHE = 256;
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          b ->
              b.schemaLoader(l -> l.fetchRemoteResources(false))
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .regularExpressionFactory(ArgumentsSchema::boundedRegex)
                          .build()));
  private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

  private ArgumentsSchema() {}

  /** True when {@code text} declares no validation: absent, blank or {@code {}}. */
  static boolean isNone(String text) {
    return text == null || text.isBlank() || text.strip().equals("{}");
  }

  /**
   * The schema text to store for an upload, refusing (400 naming the problem) a schema the gateway
   * could not evaluate later: bad JSON, not an object or boolean, too long, deep or big, a
   * reference outside the document, or not valid for its own dialect.
   */
  static String checkAtUpload(String text) {
    if (isNone(text)) {
      return "{}";
    }
    try {
      compile(text);
      validate(text, "{}", true);
    } catch (InvalidArgumentsException e) {
      throw new InvalidInputException(
          "arguments_schema "
              + e.getMessage().replaceFirst("^the function's arguments schema ", ""));
    }
    return text;
  }

  /**
   * Checks {@code arguments} (JSON text) against the function's schema; 400 with the path of the
   * first failure.
   */
  public static void validate(String schemaText, String arguments) {
    validate(schemaText, arguments, false);
  }

  private static void validate(String schemaText, String arguments, boolean trial) {
    if (isNone(schemaText)) {
      return;
    }
    Schema schema = compile(schemaText);
    JsonNode instance;
    try {
      instance = Json.MAPPER.readTree(arguments == null || arguments.isBlank() ? "{}" : arguments);
    } catch (JacksonException e) {
      throw new InvalidArgumentsException(
          "arguments is not valid JSON: " + e.getOriginalMessage(), List.of());
    }
    if (depth(instance, 0) > MAX_DEPTH) {
      throw new InvalidArgumentsException(
          "arguments nest deeper than " + MAX_DEPTH + " levels", List.of());
    }
    List<Error> errors;
    try {
      errors =
          schema.validate(
              instance,
              ctx ->
                  ctx.executionConfig(
                      c -> c.maxEvaluationSteps(MAX_STEPS).maxEvaluationDepth(MAX_DEPTH)));
    } catch (ValidationLimitExceededException | RegexTooCostlyException e) {
      throw unusable(
          "is too costly to evaluate: it exceeds the gateway's limit (" + e.getMessage() + ")");
    } catch (RuntimeException e) {
      throw unusable("fails to evaluate (" + e.getMessage() + ")");
    }
    if (!errors.isEmpty() && !trial) {
      Error first = errors.getFirst();
      throw new InvalidArgumentsException(
          cut(first.getMessage()), path(first.getInstanceLocation()));
    }
  }

  private static Schema compile(String text) {
    Schema cached = COMPILED.get(text);
    if (cached != null) {
      return cached;
    }
    if (text.length() > MAX_SCHEMA_CHARS) {
      throw unusable("is " + text.length() + " characters, over the limit of " + MAX_SCHEMA_CHARS);
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw unusable("is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !(node.isObject() || node.isBoolean())) {
      throw unusable("must be a JSON object or a boolean");
    }
    if (depth(node, 0) > MAX_DEPTH || count(node) > MAX_NODES) {
      throw unusable(
          "nests deeper than " + MAX_DEPTH + " levels or holds more than " + MAX_NODES + " values");
    }
    String external = externalReference(node);
    if (external != null) {
      throw unusable(
          "refers outside itself ("
              + external
              + "): only references within the document ('#/...') are allowed");
    }
    Schema schema;
    try {
      schema = REGISTRY.getSchema(node);
      schema.initializeValidators();
      List<Error> metaErrors = REGISTRY.getSchema(SchemaLocation.of(dialect(node))).validate(node);
      if (!metaErrors.isEmpty()) {
        throw unusable("is not a valid JSON Schema: " + cut(metaErrors.getFirst().getMessage()));
      }
    } catch (InvalidArgumentsException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unusable("is not a valid JSON Schema: " + cut(String.valueOf(e.getMessage())));
    }
    if (COMPILED.size() >= CACHE) {
      COMPILED.clear();
    }
    COMPILED.put(text, schema);
    return schema;
  }

  private static String dialect(JsonNode schema) {
    return schema.isObject() && schema.path("$schema").isString()
        ? schema.get("$schema").asString()
        : SpecificationVersion.DRAFT_2020_12.getDialectId();
  }

  private static InvalidArgumentsException unusable(String why) {
    return new InvalidArgumentsException(
        "the function's arguments schema cannot be used: it " + why, List.of());
  }

  private static int depth(JsonNode n, int level) {
    int max = level;
    if (level > MAX_DEPTH) {
      return level;
    }
    for (JsonNode child : n) {
      max = Math.max(max, depth(child, level + 1));
    }
    return max;
  }

  private static int count(JsonNode n) {
    int c = 1;
    for (JsonNode child : n) {
      c += count(child);
    }
    return c;
  }

  private static String externalReference(JsonNode n) {
    if (n.isObject()) {
      for (String key : List.of("$ref", "$dynamicRef", "$recursiveRef")) {
        JsonNode ref = n.get(key);
        if (ref != null && ref.isString() && !ref.asString().startsWith("#")) {
          return ref.asString();
        }
      }
    }
    for (JsonNode child : n) {
      String found = externalReference(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static List<Object> path(NodePath at) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < at.getNameCount(); i++) {
      Object e = at.getElement(i);
      out.add(e instanceof String s ? cut(s) : e);
    }
    return out;
  }

  private static String cut(String s) {
    return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "... (cut)";
  }

  /** A regex over a text that stops the match after {@link #MAX_REGEX_READS} character reads. */
  private static RegularExpression boundedRegex(String regex) {
    Pattern p = Pattern.compile(regex);
    return value -> p.matcher(new BoundedText(value)).find();
  }

  private static final class RegexTooCostlyException extends RuntimeException {
    RegexTooCostlyException() {
      super("a 'pattern' needed more than " + MAX_REGEX_READS + " steps", null, false, false);
    }
  }

  private record BoundedText(String text, long[] reads) implements CharSequence {
    BoundedText(String text) {
      this(text, new long[1]);
    }

    @Override
    public char charAt(int index) {
      if (++reads[0] > MAX_REGEX_READS) {
        throw new RegexTooCostlyException();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new BoundedText(text.substring(start, end), reads);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
