package org.telco.sms;

/** What the centre answers an ESME's submit. */
public sealed interface SubmitResult {
  /** Stored; {@code messageId} goes into submit_sm_resp. */
  record Accepted(String messageId) implements SubmitResult {}

  /** Refused for {@code reason}; nothing was stored. */
  record Refused(Refusal reason) implements SubmitResult {}

  /** Why a submit is refused; the SMPP server maps each to a command_status. */
  enum Refusal {
    /** Over the account's messages per second. */
    THROTTLED,
    /** The source address is not one the account may use. */
    SOURCE_NOT_ALLOWED,
    /** The destination is not 3-15 digits. */
    INVALID_DESTINATION,
    /** The text is longer than {@link ShortMessage#TEXT_MAX}. */
    MESSAGE_TOO_LONG,
    /** The centre could not store it. */
    SYSTEM_ERROR
  }
}
