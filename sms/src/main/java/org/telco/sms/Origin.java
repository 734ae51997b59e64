package org.telco.sms;

import java.util.Objects;
import org.telco.subscriber.OperatorId;

/**
 * Who handed a message to the centre. It decides who may be told about the message afterwards: only
 * an ESME gets delivery receipts, and a message from a peer centre is never forwarded again.
 */
public sealed interface Origin {
  /** The stored form, such as {@code esme:bank1} or {@code handset:8613800000001}. */
  String encoded();

  /**
   * Reads the stored form back.
   *
   * @throws IllegalArgumentException when it is not one
   */
  static Origin parse(String encoded) {
    int colon = encoded.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("not an origin: " + encoded);
    }
    String value = encoded.substring(colon + 1);
    return switch (encoded.substring(0, colon)) {
      case "esme" -> new Esme(value);
      case "handset" -> new Handset(value);
      case "service" -> new Service(value);
      case "peer" -> new Peer(new OperatorId(value));
      default -> throw new IllegalArgumentException("not an origin: " + encoded);
    };
  }

  /** An application bound over SMPP, by its system_id. */
  record Esme(String systemId) implements Origin {
    /** Requires a system_id. */
    public Esme {
      Objects.requireNonNull(systemId, "systemId");
    }

    @Override
    public String encoded() {
      return "esme:" + systemId;
    }
  }

  /** A subscriber's handset sending a mobile-originated message. */
  record Handset(String msisdn) implements Origin {
    /** Requires a number. */
    public Handset {
      Objects.requireNonNull(msisdn, "msisdn");
    }

    @Override
    public String encoded() {
      return "handset:" + msisdn;
    }
  }

  /** The platform itself: lifecycle notices, short-code answers. */
  record Service(String name) implements Origin {
    /** Requires a name. */
    public Service {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String encoded() {
      return "service:" + name;
    }
  }

  /** Another operator's centre, which routed the message here. */
  record Peer(OperatorId operator) implements Origin {
    /** Requires the operator. */
    public Peer {
      Objects.requireNonNull(operator, "operator");
    }

    @Override
    public String encoded() {
      return "peer:" + operator.value();
    }
  }
}
