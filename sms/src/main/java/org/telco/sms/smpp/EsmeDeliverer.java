package org.telco.sms.smpp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPServerSession;
import org.telco.sms.EsmeDelivery;
import org.telco.sms.MessageRecord;
import org.telco.sms.ReceiptText;
import org.telco.sms.ShortMessage;
import org.telco.sms.SmsCentre;

/**
 * Hands bound receivers what the centre owes them, over deliver_sm: delivery receipts (esm_class
 * "SMSC delivery receipt", the standard text, and the receipted_message_id and message_state TLVs)
 * and messages to their short codes. Runs on its own thread because deliver_sm waits for the ESME's
 * answer. What an ESME refuses or a lost session leaves stays owed and is offered again, so a
 * receipt arrives at least once.
 */
final class EsmeDeliverer {
  private static final Logger LOG = Logger.getLogger(EsmeDeliverer.class.getName());
  private static final int BATCH = 500;
  private static final ESMClass RECEIPT =
      new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT);

  private final SmsCentre centre;
  private final BoundSessions sessions;

  EsmeDeliverer(SmsCentre centre, BoundSessions sessions) {
    this.centre = centre;
    this.sessions = sessions;
  }

  /** Delivers until interrupted. */
  void run() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        int handed = deliverOnce();
        if (handed == 0) {
          centre.awaitOwed(200, TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "delivering to ESMEs failed; retrying", e);
      }
    }
  }

  /** One round over the bound receivers; returns how many deliveries were handed over. */
  int deliverOnce() {
    int handed = 0;
    for (BoundSessions.Bound bound : sessions.receivers()) {
      List<EsmeDelivery> owed = centre.owedTo(bound.account().systemId(), BATCH);
      List<EsmeDelivery> done = new ArrayList<>(owed.size());
      for (EsmeDelivery delivery : owed) {
        if (!hand(bound.session(), delivery)) {
          break; // the session is gone or refusing: keep the rest for later
        }
        done.add(delivery);
      }
      if (!done.isEmpty()) {
        centre.handedOver(done);
        handed += done.size();
      }
    }
    return handed;
  }

  private boolean hand(SMPPServerSession session, EsmeDelivery delivery) {
    MessageRecord record = delivery.record();
    ShortMessage message = record.message();
    try {
      switch (delivery.kind()) {
        case RECEIPT -> {
          String text = ReceiptText.of(record);
          session.deliverShortMessage(
              "",
              TypeOfNumber.UNKNOWN,
              NumberingPlanIndicator.UNKNOWN,
              message.to(),
              TypeOfNumber.UNKNOWN,
              NumberingPlanIndicator.UNKNOWN,
              message.from(),
              RECEIPT,
              (byte) 0,
              (byte) 0,
              new RegisteredDelivery(),
              DataCodings.ZERO,
              text.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
              new OptionalParameter.Receipted_message_id(message.id()),
              new OptionalParameter.Message_state(
                  (record.state() == org.telco.sms.MessageState.DELIVERED
                          ? MessageState.DELIVERED
                          : MessageState.UNDELIVERABLE)
                      .value()));
        }
        case MOBILE_ORIGINATED -> deliverMobileOriginated(session, message);
      }
      return true;
    } catch (Exception e) {
      LOG.log(Level.FINE, e, () -> "deliver_sm of " + message.id() + " not taken");
      return false;
    }
  }

  private static void deliverMobileOriginated(SMPPServerSession session, ShortMessage message)
      throws Exception {
    byte[] octets = SmppText.encode(message.text());
    boolean payload = octets.length > SmppText.SHORT_MESSAGE_MAX;
    session.deliverShortMessage(
        "",
        TypeOfNumber.INTERNATIONAL,
        NumberingPlanIndicator.ISDN,
        message.from(),
        TypeOfNumber.UNKNOWN,
        NumberingPlanIndicator.UNKNOWN,
        message.to(),
        new ESMClass(),
        (byte) 0,
        (byte) 0,
        new RegisteredDelivery(),
        SmppText.codingFor(message.text()),
        payload ? new byte[0] : octets,
        payload
            ? new OptionalParameter[] {new OptionalParameter.Message_payload(octets)}
            : new OptionalParameter[0]);
  }
}
