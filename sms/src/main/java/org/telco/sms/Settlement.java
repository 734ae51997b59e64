package org.telco.sms;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A step of a message to store: its new state and route, whether it goes into its recipient's
 * handset inbox with the step (the two commit together, so a message is in an inbox exactly once),
 * and which ESME must be told about it next.
 *
 * @param message the message
 * @param state its new state
 * @param route the route taken ({@link Route#describe()})
 * @param at when
 * @param toInbox whether to put it in {@code message.to()}'s inbox now
 */
public record Settlement(
    ShortMessage message, MessageState state, String route, Instant at, boolean toInbox) {
  /** Requires every field; only a delivered message goes into an inbox. */
  public Settlement {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(at, "at");
    if (toInbox && state != MessageState.DELIVERED) {
      throw new IllegalArgumentException("only a delivered message goes into an inbox");
    }
  }

  /**
   * The ESME to hand something to after this step: the receiving ESME of a short code while the
   * message waits for it, or the originating ESME when the message is final and it asked for a
   * receipt.
   */
  public Optional<EsmeDelivery.Kind> esmeKind() {
    if (state == MessageState.AWAITING_RECEIVER) {
      return Optional.of(EsmeDelivery.Kind.MOBILE_ORIGINATED);
    }
    if (state.isFinal() && message.receiptRequested() && message.origin() instanceof Origin.Esme) {
      return Optional.of(EsmeDelivery.Kind.RECEIPT);
    }
    return Optional.empty();
  }

  /** The system_id of the ESME of {@link #esmeKind()}. */
  public Optional<String> esmeSystemId() {
    return esmeKind()
        .map(
            kind ->
                switch (kind) {
                  case MOBILE_ORIGINATED -> route.substring(route.indexOf(':') + 1);
                  case RECEIPT -> ((Origin.Esme) message.origin()).systemId();
                });
  }
}
