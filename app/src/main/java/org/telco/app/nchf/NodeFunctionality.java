package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The kind of network function that asks for charging (TS 32.291 NodeFunctionality); a data
 * session's is {@link #SMF}.
 *
 * <p>The specification defines it as "one of these values or any string", so a value this CHF does
 * not know, sent by a newer peer, is kept as received rather than rejected. The constants are the
 * Release 17 values; compare with {@code equals}.
 *
 * @param value the value as it appears on the wire
 */
public record NodeFunctionality(@JsonValue String value) {
  public static final NodeFunctionality AMF = new NodeFunctionality("AMF");
  public static final NodeFunctionality SMF = new NodeFunctionality("SMF");
  public static final NodeFunctionality SMS = new NodeFunctionality("SMS");
  public static final NodeFunctionality SMSF = new NodeFunctionality("SMSF");
  public static final NodeFunctionality PGW_C_SMF = new NodeFunctionality("PGW_C_SMF");
  public static final NodeFunctionality NEFF = new NodeFunctionality("NEFF");
  public static final NodeFunctionality SGW = new NodeFunctionality("SGW");
  public static final NodeFunctionality I_SMF = new NodeFunctionality("I_SMF");
  public static final NodeFunctionality EPDG = new NodeFunctionality("ePDG");
  public static final NodeFunctionality CEF = new NodeFunctionality("CEF");
  public static final NodeFunctionality NEF = new NodeFunctionality("NEF");
  public static final NodeFunctionality MNS_PRODUCER = new NodeFunctionality("MnS_Producer");
  public static final NodeFunctionality SGSN = new NodeFunctionality("SGSN");
  public static final NodeFunctionality V_SMF = new NodeFunctionality("V_SMF");
  public static final NodeFunctionality FIVE_G_DDNMF = new NodeFunctionality("5G_DDNMF");
  public static final NodeFunctionality IMS_NODE = new NodeFunctionality("IMS_Node");
  public static final NodeFunctionality EES = new NodeFunctionality("EES");
  public static final NodeFunctionality PCF = new NodeFunctionality("PCF");
  public static final NodeFunctionality UDM = new NodeFunctionality("UDM");
  public static final NodeFunctionality UPF = new NodeFunctionality("UPF");

  /** Takes any string, known or not. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public NodeFunctionality {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
