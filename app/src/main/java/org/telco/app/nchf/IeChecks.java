package org.telco.app.nchf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the information elements (IEs) of a JSON tree one field at a time, answers each one's
 * value, and collects what is wrong as 3GPP invalid parameters, each named by its JSON pointer. A
 * value is null when the IE is absent or of the wrong JSON type; a string that fails a finer check
 * (a pattern, a date-time) is still answered as read. Either way the problem is reported, and a
 * caller uses the values only when nothing was.
 *
 * <p>An IE is mandatory when the specification lists it as required in the object that holds it,
 * whether or not that object is itself optional: a rating group without {@code ratingGroup} is
 * {@code MANDATORY_IE_MISSING} although {@code multipleUnitUsage} is optional. A present IE with
 * the wrong type or range, or an explicit null, is {@code MANDATORY_IE_INCORRECT} or {@code
 * OPTIONAL_IE_INCORRECT}. When several causes apply, the problem names the first in this
 * precedence: missing, mandatory incorrect, optional incorrect; its invalid parameters list them
 * all in the order of the body.
 */
final class IeChecks {
  /** Whether the specification requires the IE in its object. */
  enum Need {
    MANDATORY,
    OPTIONAL
  }

  private static final long UINT32_MAX = 4_294_967_295L;
  private static final Pattern HEX = Pattern.compile("[A-Fa-f0-9]*");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final List<String> PRECEDENCE =
      List.of(
          ProblemDetails.MANDATORY_IE_MISSING,
          ProblemDetails.MANDATORY_IE_INCORRECT,
          ProblemDetails.OPTIONAL_IE_INCORRECT);

  private final List<InvalidParam> invalidParams = new ArrayList<>();
  private int causeRank = PRECEDENCE.size();

  /** The invalid parameters found so far, in the order of the body. */
  List<InvalidParam> invalidParams() {
    return List.copyOf(invalidParams);
  }

  /** The cause of the problem, or null when nothing is wrong. */
  String cause() {
    return causeRank < PRECEDENCE.size() ? PRECEDENCE.get(causeRank) : null;
  }

  /**
   * The value of a field, or null when it is absent (reported if mandatory) or an explicit null
   * (reported as incorrect).
   */
  JsonNode field(JsonNode parent, String pointer, String name, Need need) {
    JsonNode value = parent.get(name);
    if (value == null) {
      if (need == Need.MANDATORY) {
        report(ProblemDetails.MANDATORY_IE_MISSING, pointer + "/" + name, "is missing");
      }
      return null;
    }
    if (value.isNull()) {
      incorrect(pointer + "/" + name, need, "must not be null");
      return null;
    }
    return value;
  }

  /** An object field, or null when it is absent or not an object. */
  JsonNode object(JsonNode parent, String pointer, String name, Need need) {
    JsonNode value = field(parent, pointer, name, need);
    if (value != null && !value.isObject()) {
      incorrect(pointer + "/" + name, need, "must be an object");
      return null;
    }
    return value;
  }

  /** The elements of an array field, or null when it is absent or not an array. */
  List<JsonNode> array(JsonNode parent, String pointer, String name, Need need) {
    JsonNode value = field(parent, pointer, name, need);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      incorrect(pointer + "/" + name, need, "must be an array");
      return null;
    }
    List<JsonNode> elements = new ArrayList<>();
    value.forEach(elements::add);
    return elements;
  }

  /** Whether an array element is an object; reports it if not. */
  boolean isObject(JsonNode element, String at, Need need) {
    if (element.isObject()) {
      return true;
    }
    incorrect(at, need, "must be an object");
    return false;
  }

  /** A Uint32: an integer from 0 to 4294967295. */
  Long uint32(JsonNode parent, String pointer, String name, Need need) {
    return integer(
        parent, pointer, name, need, 0, UINT32_MAX, "must be a Uint32 (0 to 4294967295)");
  }

  /** A Uint64 that fits a signed 64-bit long, the largest amount this CHF handles. */
  Long uint64(JsonNode parent, String pointer, String name, Need need) {
    return integer(
        parent,
        pointer,
        name,
        need,
        0,
        Long.MAX_VALUE,
        "must be a Uint64 no larger than 9223372036854775807");
  }

  /** An integer that fits a signed 64-bit long. */
  Long int64(JsonNode parent, String pointer, String name, Need need) {
    return integer(
        parent, pointer, name, need, Long.MIN_VALUE, Long.MAX_VALUE, "must be a 64-bit integer");
  }

  /** A string. */
  String string(JsonNode parent, String pointer, String name, Need need) {
    return text(parent, pointer, name, need);
  }

  /** A non-empty string, such as a SUPI. */
  String nonEmptyString(JsonNode parent, String pointer, String name, Need need) {
    String text = text(parent, pointer, name, need);
    if (text != null && text.isEmpty()) {
      incorrect(pointer + "/" + name, need, "must not be empty");
    }
    return text;
  }

  /** A string of hexadecimal digits, such as supported features. */
  String hex(JsonNode parent, String pointer, String name, Need need) {
    return matching(parent, pointer, name, need, HEX, "must be hexadecimal digits");
  }

  /** A UUID, such as an NF instance id. */
  String uuid(JsonNode parent, String pointer, String name, Need need) {
    return matching(parent, pointer, name, need, UUID, "must be a UUID");
  }

  /** A string matching a pattern, such as the digits of an MCC. */
  String matching(
      JsonNode parent, String pointer, String name, Need need, Pattern pattern, String reason) {
    String text = text(parent, pointer, name, need);
    if (text != null && !pattern.matcher(text).matches()) {
      incorrect(pointer + "/" + name, need, reason);
    }
    return text;
  }

  /** A boolean. */
  Boolean bool(JsonNode parent, String pointer, String name, Need need) {
    JsonNode value = field(parent, pointer, name, need);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      incorrect(pointer + "/" + name, need, "must be true or false");
      return null;
    }
    return value.booleanValue();
  }

  /** An RFC 3339 date-time with an offset, such as {@code 2024-05-01T08:00:00Z}. */
  String dateTime(JsonNode parent, String pointer, String name, Need need) {
    String text = text(parent, pointer, name, need);
    if (text != null) {
      checkDateTime(text, pointer + "/" + name, need);
    }
    return text;
  }

  /** A date-time that is an array element. */
  String dateTimeElement(JsonNode element, String at, Need need) {
    if (!element.isTextual()) {
      incorrect(at, need, "must be an RFC 3339 date-time string");
      return null;
    }
    checkDateTime(element.asText(), at, need);
    return element.asText();
  }

  private void checkDateTime(String text, String at, Need need) {
    if (!Rfc3339.isDateTime(text)) {
      incorrect(at, need, "must be an RFC 3339 date-time such as 2024-05-01T08:00:00Z");
    }
  }

  private String text(JsonNode parent, String pointer, String name, Need need) {
    JsonNode value = field(parent, pointer, name, need);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      incorrect(pointer + "/" + name, need, "must be a string");
      return null;
    }
    return value.asText();
  }

  private Long integer(
      JsonNode parent, String pointer, String name, Need need, long min, long max, String reason) {
    JsonNode value = field(parent, pointer, name, need);
    if (value == null) {
      return null;
    }
    // Every range checked lies within 64 bits, so an integer that does not fit a long is out of it.
    boolean valid =
        value.isIntegralNumber()
            && value.canConvertToLong()
            && value.longValue() >= min
            && value.longValue() <= max;
    if (!valid) {
      incorrect(pointer + "/" + name, need, reason);
      return null;
    }
    return value.longValue();
  }

  /** Reports an incorrect IE with the cause its need gives. */
  void incorrect(String at, Need need, String reason) {
    report(
        need == Need.MANDATORY
            ? ProblemDetails.MANDATORY_IE_INCORRECT
            : ProblemDetails.OPTIONAL_IE_INCORRECT,
        at,
        reason);
  }

  private void report(String cause, String at, String reason) {
    invalidParams.add(new InvalidParam(at, reason));
    causeRank = Math.min(causeRank, PRECEDENCE.indexOf(cause));
  }
}
