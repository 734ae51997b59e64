package org.telco.app.porting;

import java.util.List;
import java.util.logging.Logger;
import org.telco.porting.PortingParties;
import org.telco.storage.porting.PgRoutingLog;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.web.PeerCallException;
import org.telco.web.PeerClient;

/**
 * The clearinghouse's routing database as the porting desk records into it: a port back to the
 * number's range holder is a repatriation (its record goes), any other is a port. After a new
 * change every operator gets a hint to fetch it ({@code POST /api/v1/routing/notifications}), sent
 * on a thread of its own and allowed to fail: the operators also fetch on their own every few
 * seconds, and a hint only makes them fetch sooner.
 */
final class ClearinghouseRouting implements PortingParties.Routing {
  private static final Logger LOG = Logger.getLogger(ClearinghouseRouting.class.getName());

  private final PgRoutingLog log;
  private final RoutingNumbers numbers;
  private final List<PeerClient> operators;

  ClearinghouseRouting(PgRoutingLog log, RoutingNumbers numbers, List<PeerClient> operators) {
    this.log = log;
    this.numbers = numbers;
    this.operators = List.copyOf(operators);
  }

  @Override
  public void record(String portId, Msisdn msisdn, OperatorId recipient) {
    boolean home = numbers.rangeHolder(msisdn).filter(recipient::equals).isPresent();
    if (log.record(portId, msisdn, recipient, home)) {
      long latest = log.latestVersion();
      Thread.ofVirtual().name("routing-notices").start(() -> notifyAll(latest));
    }
  }

  private void notifyAll(long latest) {
    for (PeerClient operator : operators) {
      try {
        operator.post(
            "/api/v1/routing/notifications", new RoutingJson.Notice(latest), Object.class);
      } catch (PeerCallException e) {
        LOG.fine(() -> operator.peer() + " missed the routing hint " + latest + ": " + e.status());
      }
    }
  }
}
