package org.telco.sms.smpp;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/** A jSMPP client as an ESME would use it, collecting every deliver_sm it receives. */
public final class TestEsme implements AutoCloseable {
  private final SMPPSession session = new SMPPSession();

  /** Every deliver_sm received, in order. */
  public final BlockingQueue<DeliverSm> received = new LinkedBlockingQueue<>();

  private TestEsme() {}

  /**
   * Binds to {@code port} on localhost.
   *
   * @throws java.io.IOException when the bind is refused (cause: NegativeResponseException)
   */
  public static TestEsme bind(int port, BindType type, String systemId, String password)
      throws java.io.IOException {
    TestEsme esme = new TestEsme();
    esme.session.setTransactionTimer(10_000);
    esme.session.setMessageReceiverListener(
        new MessageReceiverListener() {
          @Override
          public void onAcceptDeliverSm(DeliverSm deliverSm) {
            esme.received.add(deliverSm);
          }

          @Override
          public void onAcceptAlertNotification(AlertNotification alertNotification) {}

          @Override
          public DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm, Session source)
              throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
          }
        });
    esme.session.connectAndBind(
        "localhost",
        port,
        new BindParameter(
            type,
            systemId,
            password,
            "",
            TypeOfNumber.UNKNOWN,
            NumberingPlanIndicator.UNKNOWN,
            null),
        10_000);
    return esme;
  }

  /** Submits {@code text} (UCS-2 when not ASCII), asking for a receipt; returns the message id. */
  public String submit(String from, String to, String text) throws Exception {
    return submit(from, to, text, true);
  }

  /**
   * Submits {@code text} (UCS-2 when not ASCII), asking for a delivery receipt when {@code
   * receipt}; returns the message id from the submit_sm_resp.
   */
  public String submit(String from, String to, String text, boolean receipt) throws Exception {
    boolean ascii = text.chars().allMatch(c -> c < 0x80);
    DataCoding coding =
        ascii
            ? new GeneralDataCoding(Alphabet.ALPHA_DEFAULT, (MessageClass) null, false)
            : new GeneralDataCoding(Alphabet.ALPHA_UCS2, (MessageClass) null, false);
    return session
        .submitShortMessage(
            "",
            TypeOfNumber.UNKNOWN,
            NumberingPlanIndicator.UNKNOWN,
            from,
            TypeOfNumber.INTERNATIONAL,
            NumberingPlanIndicator.ISDN,
            to,
            new ESMClass(),
            (byte) 0,
            (byte) 0,
            null,
            null,
            receipt
                ? new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE)
                : new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT),
            (byte) 0,
            coding,
            (byte) 0,
            text.getBytes(ascii ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16BE))
        .getMessageId();
  }

  /** Submits {@code text} in the message_payload TLV (for texts over 254 octets); no receipt. */
  public String submitAsPayload(String from, String to, String text) throws Exception {
    return session
        .submitShortMessage(
            "",
            TypeOfNumber.UNKNOWN,
            NumberingPlanIndicator.UNKNOWN,
            from,
            TypeOfNumber.INTERNATIONAL,
            NumberingPlanIndicator.ISDN,
            to,
            new ESMClass(),
            (byte) 0,
            (byte) 0,
            null,
            null,
            new RegisteredDelivery(),
            (byte) 0,
            new GeneralDataCoding(Alphabet.ALPHA_DEFAULT, (MessageClass) null, false),
            (byte) 0,
            new byte[0],
            new org.jsmpp.bean.OptionalParameter.Message_payload(
                text.getBytes(StandardCharsets.US_ASCII)))
        .getMessageId();
  }

  /** The underlying session. */
  public SMPPSession session() {
    return session;
  }

  @Override
  public void close() {
    session.unbindAndClose();
  }
}
