package org.telco.app.porting;

import java.time.Clock;
import org.telco.messaging.SmsMessage;
import org.telco.messaging.SmsSender;
import org.telco.sms.MessageIds;
import org.telco.subscriber.Msisdn;

/**
 * The SMS that greets a number ported in (flow F4), from the recipient's service short code, in
 * Chinese and English. Its id names the port, so a retried port-in sends it once.
 *
 * @param sms the operator's SMS centre
 * @param from the service short code
 * @param operatorName the operator's name, as the subscriber knows it
 * @param clock when it is sent
 */
public record PortInWelcome(SmsSender sms, String from, String operatorName, Clock clock) {
  /** Greets {@code msisdn}, ported in by {@code portId}. */
  void send(String portId, Msisdn msisdn) {
    sms.send(
        new SmsMessage(
            MessageIds.derived(portId, "welcome"),
            from,
            msisdn.digits(),
            "携号转网成功，欢迎使用"
                + operatorName
                + "。Welcome to "
                + operatorName
                + ": your number "
                + msisdn.digits()
                + " has moved here and keeps working as before.",
            clock.instant()));
  }
}
