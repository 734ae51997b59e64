package org.telco.sms.smpp;

/**
 * Whether the body of a PDU that jSMPP would decode field by field holds together: every C-octet
 * string ends inside the body, sm_length octets follow, and each optional parameter is complete.
 * jSMPP reads past the end of a truncated body with an exception in a worker thread and never
 * answers, so such PDUs are answered here instead (see {@link PduGuard}).
 */
final class PduShape {
  static final int BIND_RECEIVER = 0x00000001;
  static final int BIND_TRANSMITTER = 0x00000002;
  static final int SUBMIT_SM = 0x00000004;
  static final int BIND_TRANSCEIVER = 0x00000009;

  private PduShape() {}

  /** Whether {@code body} of command {@code commandId} can be decoded; other commands pass. */
  static boolean holdsTogether(int commandId, byte[] body) {
    return switch (commandId) {
      case BIND_RECEIVER, BIND_TRANSMITTER, BIND_TRANSCEIVER -> bind(body);
      case SUBMIT_SM -> submit(body);
      default -> true;
    };
  }

  private static boolean bind(byte[] body) {
    int at = 0;
    for (int i = 0; i < 3 && at >= 0; i++) {
      at = skipCString(body, at); // system_id, password, system_type
    }
    if (at < 0 || at + 3 > body.length) {
      return false; // interface_version, addr_ton, addr_npi
    }
    return skipCString(body, at + 3) >= 0; // address_range
  }

  private static boolean submit(byte[] body) {
    int at = skipCString(body, 0); // service_type
    at = skipFixed(body, at, 2); // source ton, npi
    at = skipCString(body, at); // source_addr
    at = skipFixed(body, at, 2); // dest ton, npi
    at = skipCString(body, at); // destination_addr
    at = skipFixed(body, at, 3); // esm_class, protocol_id, priority_flag
    at = skipCString(body, at); // schedule_delivery_time
    at = skipCString(body, at); // validity_period
    at = skipFixed(body, at, 4); // registered_delivery, replace, data_coding, sm_default_msg_id
    if (at < 0 || at >= body.length) {
      return false;
    }
    at = skipFixed(body, at + 1, body[at] & 0xff); // sm_length, short_message
    return at >= 0 && optionalParametersComplete(body, at);
  }

  private static boolean optionalParametersComplete(byte[] body, int from) {
    int at = from;
    while (at < body.length) {
      if (at + 4 > body.length) {
        return false;
      }
      int length = ((body[at + 2] & 0xff) << 8) | (body[at + 3] & 0xff);
      at += 4 + length;
    }
    return at == body.length;
  }

  private static int skipCString(byte[] body, int from) {
    if (from < 0) {
      return -1;
    }
    for (int i = from; i < body.length; i++) {
      if (body[i] == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  private static int skipFixed(byte[] body, int from, int count) {
    return from < 0 || from + count > body.length ? -1 : from + count;
  }
}
