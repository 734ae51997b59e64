package org.telco.sms;

import org.telco.subscriber.OperatorId;

/** Where the router sends a message. {@link #describe()} is what the message record shows. */
public sealed interface Route {
  /** A short description, such as {@code handset}, {@code peer:beta} or {@code esme:bank1}. */
  String describe();

  /** Into the inbox of one of this operator's subscribers. */
  record ToHandset(String msisdn) implements Route {
    @Override
    public String describe() {
      return "handset";
    }
  }

  /** To the centre of the operator that serves the number now. */
  record ToPeer(OperatorId operator) implements Route {
    @Override
    public String describe() {
      return "peer:" + operator.value();
    }
  }

  /** To a service of this platform answering on a short code. */
  record ToService(String shortCode, ShortCodeService service) implements Route {
    @Override
    public String describe() {
      return "service:" + shortCode;
    }
  }

  /** To the ESME that receives a short code's messages. */
  record ToReceiver(String shortCode, String systemId) implements Route {
    @Override
    public String describe() {
      return "esme:" + systemId;
    }
  }

  /** Nowhere; the message fails with this reason. */
  record Unroutable(String reason) implements Route {
    @Override
    public String describe() {
      return "none:" + reason;
    }
  }
}
