package org.telco.app.credit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /**
   * The advances are granted: each line is unbarred and each subscriber gets an operator-paid bill
   * saying what was advanced, what it covered and by when to repay, sent when it was granted but
   * not in quiet hours. One outbox message carries the batch's unbar commands and one (per send
   * time) its bills, instead of two rows per advance: a whole batch of offers then costs two outbox
   * rows. The commands and bills keep their own ids ({@code advance:<id>}, {@code
   * advance-bill:<id>}), so the HLR and the SMS centre apply each once even when a resumed batch
   * carries it again; the batches' ids are a digest of what they carry.
   */
  List<OutboxMessage> granted(List<Advance> advances) {
    List<NetworkCommand> unbars = new ArrayList<>(advances.size());
    Map<Instant, List<SmsMessage>> billsByDue = new TreeMap<>();
    for (Advance advance : advances) {
      String digits = advance.msisdn().digits();
      unbars.add(new NetworkCommand.Unbar("advance:" + advance.id(), digits));
      billsByDue
          .computeIfAbsent(quietHours.nextSendable(advance.grantedAt()), due -> new ArrayList<>())
          .add(
              new SmsMessage(
                  "advance-bill:" + advance.id(),
                  profile.serviceShortCode(),
                  digits,
                  bill(advance),
                  advance.grantedAt()));
    }
    List<OutboxMessage> messages = new ArrayList<>();
    messages.add(
        NetworkCommands.batch(
            "advance-unbars:" + digest(unbars.stream().map(NetworkCommand::commandId)),
            unbars,
            advances.getFirst().grantedAt()));
    billsByDue.forEach(
        (due, bills) ->
            messages.add(
                SmsMessages.batch(
                    "advance-bills:" + digest(bills.stream().map(SmsMessage::id)), bills, due)));
    return messages;
  }

  private String bill(Advance advance) {
    return "Operator bill, free of charge: we advanced you "
        + Yuan.of(advance.amountFen())
        + " yuan of emergency credit"
        + covered(advance)
        + " and your number is open again. Please repay "
        + Yuan.of(advance.amountFen())
        + " yuan by "
        + local(advance.deadline())
        + "; your next top-up repays it first.";
  }

  /**
   * The first 128 bits of the SHA-256 of the ids, one a line, in hex: names a batch by its content.
   */
  private static String digest(java.util.stream.Stream<String> ids) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      ids.forEach(id -> sha.update((id + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
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
