package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A 3GPP problem (TS 29.571 ProblemDetails, RFC 9457 with 3GPP's {@code cause} and {@code
 * invalidParams}), the body of an Nchf error response as {@code application/problem+json}. It is
 * not the platform's own {@code org.telco.web.Problem}: 3GPP consumers read {@code cause}, not a
 * {@code code}.
 *
 * @param type a URI naming the problem type, or null for {@code about:blank}
 * @param title a short summary
 * @param status the HTTP status
 * @param detail what happened this time, for humans
 * @param instance a URI of this occurrence, or null
 * @param cause the machine-readable 3GPP cause, such as {@link #MANDATORY_IE_MISSING}
 * @param invalidParams the offending inputs, or null; never empty when present
 * @param supportedFeatures the features the CHF supports, hexadecimal, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProblemDetails(
    String type,
    String title,
    Integer status,
    String detail,
    String instance,
    String cause,
    List<InvalidParam> invalidParams,
    String supportedFeatures) {

  /** The body is not valid JSON or not an object (TS 29.500 table 5.2.7.2-1, 400). */
  public static final String INVALID_MSG_FORMAT = "INVALID_MSG_FORMAT";

  /** A mandatory IE is absent (400). */
  public static final String MANDATORY_IE_MISSING = "MANDATORY_IE_MISSING";

  /** A mandatory or conditional IE is present but erroneous (400). */
  public static final String MANDATORY_IE_INCORRECT = "MANDATORY_IE_INCORRECT";

  /** An optional IE is present but erroneous (400). */
  public static final String OPTIONAL_IE_INCORRECT = "OPTIONAL_IE_INCORRECT";

  /** A 400 with a cause and the offending inputs; {@code invalidParams} may be empty. */
  public static ProblemDetails badRequest(
      String cause, String detail, List<InvalidParam> invalidParams) {
    return new ProblemDetails(
        null,
        "Bad Request",
        400,
        detail,
        null,
        cause,
        invalidParams.isEmpty() ? null : List.copyOf(invalidParams),
        null);
  }
}
