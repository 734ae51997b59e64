package org.telco.network;

import java.util.Objects;

/**
 * An instruction to the mobile network about one line. The command id is the idempotency key: the
 * gateway applies a command id once, however often it is delivered.
 *
 * <p>The prepaid side decides; the network only executes. Commands travel through the outbox,
 * encoded by {@link NetworkCommands}.
 */
public sealed interface NetworkCommand {
  /** Unique id of the command, such as {@code bar:8613800000001:2026-02}. */
  String commandId();

  /** The line it is about, 8 to 15 digits. */
  String msisdn();

  /**
   * Bars the line: no calls, SMS or new data sessions until it is unbarred. Sessions already open
   * stay open; {@link TerminateDataSessions} ends them.
   *
   * @param commandId unique id of the command
   * @param msisdn the line
   * @param reason why, for the network's log, such as {@code unpaid-fee}
   */
  record Bar(String commandId, String msisdn, String reason) implements NetworkCommand {
    /** Requires every field, a MSISDN and a non-blank reason. */
    public Bar {
      requireId(commandId);
      MsisdnDigits.require(msisdn, "msisdn");
      Objects.requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("bar reason must not be blank");
      }
    }
  }

  /**
   * Lifts barring from the line.
   *
   * @param commandId unique id of the command
   * @param msisdn the line
   */
  record Unbar(String commandId, String msisdn) implements NetworkCommand {
    /** Requires both fields and a MSISDN. */
    public Unbar {
      requireId(commandId);
      MsisdnDigits.require(msisdn, "msisdn");
    }
  }

  /**
   * Ends every data session open on the line, such as when its data allowance runs out.
   *
   * @param commandId unique id of the command
   * @param msisdn the line
   */
  record TerminateDataSessions(String commandId, String msisdn) implements NetworkCommand {
    /** Requires both fields and a MSISDN. */
    public TerminateDataSessions {
      requireId(commandId);
      MsisdnDigits.require(msisdn, "msisdn");
    }
  }

  private static void requireId(String commandId) {
    Objects.requireNonNull(commandId, "commandId");
    if (commandId.isBlank()) {
      throw new IllegalArgumentException("command id must not be blank");
    }
  }
}
