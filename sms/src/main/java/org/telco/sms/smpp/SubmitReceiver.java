package org.telco.sms.smpp;

import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.telco.sms.EsmeAccount;
import org.telco.sms.SmsCentre;
import org.telco.sms.SubmitResult;

/**
 * Answers the requests of bound ESMEs: submit_sm goes to the centre and is answered with the
 * message id once stored; everything this centre does not offer (submit_multi, query, cancel,
 * replace, broadcast, data_sm) is answered with ESME_RINVCMDID rather than a silent failure.
 */
final class SubmitReceiver implements ServerMessageReceiverListener {
  private static final OptionalParameter[] NONE = new OptionalParameter[0];

  private final SmsCentre centre;
  private final BoundSessions sessions;

  SubmitReceiver(SmsCentre centre, BoundSessions sessions) {
    this.centre = centre;
    this.sessions = sessions;
  }

  @Override
  public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session)
      throws ProcessRequestException {
    EsmeAccount account =
        sessions
            .accountOf(session)
            .filter(a -> session.getSessionState().isTransmittable())
            .orElseThrow(() -> refuse("not bound to send", SMPPConstant.STAT_ESME_RINVBNDSTS));
    String text = text(submit);
    boolean receipt =
        SMSCDeliveryReceipt.SUCCESS_FAILURE.containedIn(submit.getRegisteredDelivery())
            || SMSCDeliveryReceipt.SUCCESS.containedIn(submit.getRegisteredDelivery())
            || SMSCDeliveryReceipt.FAILURE.containedIn(submit.getRegisteredDelivery());
    SubmitResult result =
        centre.submit(account, submit.getSourceAddr(), submit.getDestAddress(), text, receipt);
    return switch (result) {
      case SubmitResult.Accepted accepted -> accepted(accepted.messageId());
      case SubmitResult.Refused refused -> throw refuse(refused.reason());
    };
  }

  /** The text from short_message, or from message_payload when short_message is empty. */
  private static String text(SubmitSm submit) throws ProcessRequestException {
    byte[] octets = submit.getShortMessage();
    if (octets == null || octets.length == 0) {
      OptionalParameter.Message_payload payload =
          submit.getOptionalParameter(OptionalParameter.Message_payload.class);
      octets = payload == null ? new byte[0] : payload.getValue();
    } else if (octets.length > SmppText.SHORT_MESSAGE_MAX) {
      throw refuse("short_message too long", SMPPConstant.STAT_ESME_RINVMSGLEN);
    }
    return SmppText.decode(submit.getDataCoding(), octets);
  }

  private static SubmitSmResult accepted(String messageId) throws ProcessRequestException {
    try {
      return new SubmitSmResult(new MessageId(messageId), NONE);
    } catch (PDUStringException e) {
      throw refuse("message id unusable", SMPPConstant.STAT_ESME_RSYSERR);
    }
  }

  private static ProcessRequestException refuse(SubmitResult.Refusal reason) {
    return switch (reason) {
      case THROTTLED -> refuse("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
      case SOURCE_NOT_ALLOWED ->
          refuse("source address not allowed", SMPPConstant.STAT_ESME_RINVSRCADR);
      case INVALID_DESTINATION -> refuse("invalid destination", SMPPConstant.STAT_ESME_RINVDSTADR);
      case MESSAGE_TOO_LONG -> refuse("message too long", SMPPConstant.STAT_ESME_RINVMSGLEN);
      case SYSTEM_ERROR -> refuse("could not store the message", SMPPConstant.STAT_ESME_RSYSERR);
    };
  }

  private static ProcessRequestException refuse(String why, int status) {
    return new ProcessRequestException(why, status);
  }

  private static ProcessRequestException unsupported() {
    return refuse("not offered by this centre", SMPPConstant.STAT_ESME_RINVCMDID);
  }

  @Override
  public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti request, SMPPServerSession session)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public QuerySmResult onAcceptQuerySm(QuerySm request, SMPPServerSession session)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public void onAcceptReplaceSm(ReplaceSm request, SMPPServerSession session)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public void onAcceptCancelSm(CancelSm request, SMPPServerSession session)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm request, SMPPServerSession session)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public void onAcceptCancelBroadcastSm(CancelBroadcastSm request, SMPPServerSession session)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public QueryBroadcastSmResult onAcceptQueryBroadcastSm(
      QueryBroadcastSm request, SMPPServerSession session) throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public DataSmResult onAcceptDataSm(DataSm request, Session session)
      throws ProcessRequestException {
    throw unsupported();
  }
}
