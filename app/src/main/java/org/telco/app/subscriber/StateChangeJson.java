package org.telco.app.subscriber;

import org.telco.subscriber.StateChange;

/**
 * One entry of a subscriber's state history.
 *
 * @param from the state before, absent for the subscription itself
 * @param to the state after
 * @param reason why it changed
 * @param at when
 */
record StateChangeJson(String from, String to, String reason, String at) {
  static StateChangeJson of(StateChange change) {
    return new StateChangeJson(
        change.from() == null ? null : change.from().name(),
        change.to().name(),
        change.reason().name(),
        change.at().toString());
  }
}
