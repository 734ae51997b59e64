package org.telco.app.credit;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.telco.credit.Advance;
import org.telco.credit.QuietHours;
import org.telco.messaging.SmsMessage;
import org.telco.messaging.SmsMessages;
import org.telco.network.NetworkCommand;
import org.telco.network.NetworkCommands;
import org.telco.outbox.OutboxMessage;
import org.telco.payment.Yuan;
import org.telco.subscriber.OperatorProfile;

/**
 * What emergency credit tells the network and the subscriber: the unbar and the operator-paid bill
 * when an advance is granted, a note when a top-up repays part of it, and the bar and its SMS when
 * the deadline passes unpaid. Every id comes from the advance (and, for a part repayment, the
 * amount repaid before it), so a step done again enqueues nothing new. The SMS wait for the end of
 * the quiet hours; network commands never wait.
 */
final class EmergencyCreditNotices {
  /** Reason given to the network for a bar after an advance's deadline. */
  static final String DEFAULT_BAR_REASON = "advance-defaulted";

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final OperatorProfile profile;
  private final QuietHours quietHours;

  EmergencyCreditNotices(OperatorProfile profile, QuietHours quietHours) {
    this.profile = profile;
    this.quietHours = quietHours;
  }

  /** The unbar command and the bill: what was advanced, what it paid, and the deadline. */
  List<OutboxMessage> granted(Advance advance, Instant at) {
    String digits = advance.msisdn().digits();
    return List.of(
        NetworkCommands.message(new NetworkCommand.Unbar("advance:" + advance.id(), digits), at),
        sms(
            "advance-bill:" + advance.id(),
            digits,
            "Operator bill, free of charge: we advanced you "
                + Yuan.of(advance.amountFen())
                + " yuan of emergency credit"
                + covered(advance)
                + " and your number is open again. Please repay "
                + Yuan.of(advance.amountFen())
                + " yuan by "
                + local(advance.deadline())
                + "; your next top-up repays it first.",
            at));
  }

  /** A top-up repaid part of the advance; the rest is still owed. */
  OutboxMessage partlyRepaid(Advance before, Advance after, Instant at) {
    return sms(
        "advance-part:" + after.id() + ":" + before.repaidFen(),
        after.msisdn().digits(),
        "You repaid "
            + Yuan.of(after.repaidFen() - before.repaidFen())
            + " yuan of your emergency advance; "
            + Yuan.of(after.owedFen())
            + " yuan is still owed"
            + (after.state().isOpen() && after.deadline().isAfter(at)
                ? ", by " + local(after.deadline())
                : "")
            + ".",
        at);
  }

  /**
   * The advance is defaulted: an SMS saying what is owed and, when the number is barred (again),
   * the bar command.
   */
  List<OutboxMessage> defaulted(Advance advance, boolean barred, Instant at) {
    String digits = advance.msisdn().digits();
    OutboxMessage sms =
        sms(
            "advance-defaulted:" + advance.id(),
            digits,
            "Your emergency advance was due on "
                + local(advance.deadline())
                + " and "
                + Yuan.of(advance.owedFen())
                + " yuan of it is unpaid"
                + (barred ? ", so your number is barred again" : "")
                + ". Your next top-up repays it first.",
            at);
    if (!barred) {
      return List.of(sms);
    }
    return List.of(
        NetworkCommands.message(
            new NetworkCommand.Bar("advance-defaulted:" + advance.id(), digits, DEFAULT_BAR_REASON),
            at),
        sms);
  }

  /**
   * The advance is repaid but part of the fee it did not cover is still due at its deadline: the
   * bar command and an SMS saying what is due.
   */
  List<OutboxMessage> feeStillDue(Advance advance, long dueFen, Instant at) {
    String digits = advance.msisdn().digits();
    return List.of(
        NetworkCommands.message(
            new NetworkCommand.Bar("advance-fee-due:" + advance.id(), digits, "fee-unpaid"), at),
        sms(
            "advance-fee-due:" + advance.id(),
            digits,
            "Your emergency advance is repaid, but "
                + Yuan.of(dueFen)
                + " yuan of your monthly fee is still due, so your number is barred. A top-up"
                + " re-opens it.",
            at));
  }

  private static String covered(Advance advance) {
    return advance.coveredFen() > 0
        ? "; it paid " + Yuan.of(advance.coveredFen()) + " yuan of your overdue monthly fee"
        : "";
  }

  private String local(Instant at) {
    return MINUTE.format(at.atZone(quietHours.zone()));
  }

  private OutboxMessage sms(String id, String to, String text, Instant at) {
    OutboxMessage now =
        SmsMessages.message(new SmsMessage(id, profile.serviceShortCode(), to, text, at));
    return new OutboxMessage(
        now.id(), now.topic(), now.payload(), now.createdAt(), 0, quietHours.nextSendable(at));
  }
}
