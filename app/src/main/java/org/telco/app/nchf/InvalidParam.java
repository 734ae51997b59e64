package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One offending input of a rejected request (TS 29.571 InvalidParam).
 *
 * @param param the attribute as a JSON pointer into the body, such as {@code
 *     /multipleUnitUsage/0/ratingGroup}
 * @param reason what is wrong with it, for humans, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvalidParam(String param, String reason) {
  /** Requires the parameter, which the specification makes mandatory. */
  public InvalidParam {
    Objects.requireNonNull(param, "param");
  }
}
