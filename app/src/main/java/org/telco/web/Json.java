package org.telco.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.stream.Collectors;

/**
 * Reads request bodies strictly and writes response bodies. Strict means: unknown fields, a number
 * where a string belongs, fractions where an integer belongs and numbers beyond the 64-bit range
 * are all rejected with a 400 that names the field, before anything else happens.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
          // ALLOW_COERCION_OF_SCALARS leaves text alone: a number or boolean would still be
          // read as a string field; these make that a 400 too.
          .withCoercionConfig(
              LogicalType.Textual,
              config ->
                  config
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();

  private Json() {}

  /** The shared mapper, for writing. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Decodes a request body.
   *
   * @throws ProblemException 400 naming the field, or {@code malformed-json}
   */
  public static <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new Problem(400, "missing-body", "A JSON body is required", "the body is empty", null)
          .toException();
    }
    try {
      return MAPPER.readValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      String field = path(e);
      throw new Problem(400, "unknown-field", "Unknown field", "no such field: " + field, field)
          .toException();
    } catch (JsonMappingException e) {
      String field = path(e);
      throw Problem.invalidField(
              field.isEmpty() ? null : field, "the value has the wrong type or shape")
          .toException();
    } catch (InputCoercionException e) {
      String field = e.getProcessor() instanceof JsonParser parser ? pointerToField(parser) : "";
      throw Problem.invalidField(
              field.isEmpty() ? null : field, "the number is out of the 64-bit range")
          .toException();
    } catch (JsonProcessingException e) {
      throw new Problem(
              400, "malformed-json", "The body is not valid JSON", e.getOriginalMessage(), null)
          .toException();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("reading from a byte array cannot fail", e);
    }
  }

  /** Encodes a response body. */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response not serialisable: " + value.getClass(), e);
    }
  }

  /** Turns the parser's position, such as {@code /1/amount}, into {@code [1].amount}. */
  private static String pointerToField(JsonParser parser) {
    StringBuilder field = new StringBuilder();
    for (String segment : parser.getParsingContext().pathAsPointer().toString().split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.chars().allMatch(Character::isDigit)) {
        field.append('[').append(segment).append(']');
      } else {
        field.append(field.isEmpty() ? "" : ".").append(segment);
      }
    }
    return field.toString();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(
            ref ->
                ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
