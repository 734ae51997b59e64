package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The outcome of one rating group's quota request (TS 32.291 ResultCode): {@link #SUCCESS} with a
 * grant, or why there is none, such as {@link #QUOTA_LIMIT_REACHED}.
 *
 * <p>The specification defines it as "one of these values or any string", so a value this CHF does
 * not know, sent by a newer peer, is kept as received rather than rejected. The constants are the
 * Release 17 values; compare with {@code equals}.
 *
 * @param value the value as it appears on the wire
 */
public record ResultCode(@JsonValue String value) {
  public static final ResultCode SUCCESS = new ResultCode("SUCCESS");
  public static final ResultCode END_USER_SERVICE_DENIED =
      new ResultCode("END_USER_SERVICE_DENIED");
  public static final ResultCode QUOTA_MANAGEMENT_NOT_APPLICABLE =
      new ResultCode("QUOTA_MANAGEMENT_NOT_APPLICABLE");
  public static final ResultCode QUOTA_LIMIT_REACHED = new ResultCode("QUOTA_LIMIT_REACHED");
  public static final ResultCode END_USER_SERVICE_REJECTED =
      new ResultCode("END_USER_SERVICE_REJECTED");
  public static final ResultCode USER_UNKNOWN = new ResultCode("USER_UNKNOWN");
  public static final ResultCode RATING_FAILED = new ResultCode("RATING_FAILED");
  public static final ResultCode QUOTA_MANAGEMENT = new ResultCode("QUOTA_MANAGEMENT");

  /** Takes any string, known or not. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public ResultCode {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
