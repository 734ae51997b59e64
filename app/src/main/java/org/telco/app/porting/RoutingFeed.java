package org.telco.app.porting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.telco.porting.routing.Routing;
import org.telco.porting.routing.RoutingChange;
import org.telco.porting.routing.RoutingNumber;
import org.telco.porting.routing.RoutingRecord;
import org.telco.porting.routing.RoutingReplica;
import org.telco.sms.NumberOwners;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfiles;
import org.telco.web.PeerCallException;
import org.telco.web.PeerClient;

/**
 * An operator's copy of the routing database (flow F4): a {@link RoutingReplica} kept up to date by
 * fetching the clearinghouse's change log after the replica's version. Changes are applied in
 * version order; a gap (a change missing before the next one) makes the feed rebuild the replica
 * from the whole log and swap it in, so lookups never see a replica with a hole.
 *
 * <p>One writer: {@link #catchUp} is synchronized, and lookups read the replica lock-free. It
 * fetches when the clearinghouse hints that the log grew, when this node took part in a port (so
 * both ends route by it before they answer), and every few seconds from the node's timer loop.
 */
public final class RoutingFeed {
  /** Changes fetched per call. */
  static final int PAGE = 1_000;

  private static final Logger LOG = Logger.getLogger(RoutingFeed.class.getName());

  private final RoutingReplica replica = new RoutingReplica();
  private final PeerClient clearinghouse;

  /** A feed from {@code clearinghouse}; null for a node without one, whose replica stays empty. */
  public RoutingFeed(PeerClient clearinghouse) {
    this.clearinghouse = clearinghouse;
  }

  /**
   * Who serves a number for the SMS centre's routing: the replica for a ported number, else the
   * number ranges.
   */
  public NumberOwners owners(OperatorProfiles operators) {
    NumberOwners ranges = NumberOwners.byRanges(operators);
    return msisdn ->
        Msisdn.isWellFormed(msisdn)
            ? lookup(new Msisdn(msisdn)).map(Routing::recipient).or(() -> ranges.ownerOf(msisdn))
            : Optional.empty();
  }

  /** Where {@code msisdn} was ported to, if it was. */
  public Optional<Routing> lookup(Msisdn msisdn) {
    return replica.lookup(msisdn);
  }

  /**
   * The number's port requests this operator was donor or recipient of, newest first, as the
   * clearinghouse records them: the operator keeps no copy, so this asks over the same link the
   * routing changes come by. None for a node without a clearinghouse.
   *
   * @throws PeerCallException when the clearinghouse cannot be reached or refuses
   */
  public List<NumberPort> portsOf(Msisdn msisdn) {
    if (clearinghouse == null) {
      return List.of();
    }
    return clearinghouse
        .post(
            "/api/v1/porting/requests/of-number",
            new NumberPort.Query(msisdn.digits()),
            NumberPort.Answer.class)
        .ports();
  }

  /** The version of the last change applied. */
  public long version() {
    return replica.version();
  }

  /**
   * Applies every change the clearinghouse has after the replica's version.
   *
   * @return how many were applied; 0 too when the clearinghouse could not be reached (the next call
   *     tries again)
   */
  public synchronized int catchUp() {
    if (clearinghouse == null) {
      return 0;
    }
    try {
      int applied = 0;
      while (true) {
        RoutingJson.Changes page = fetch(replica.version());
        for (RoutingJson.Change change : page.changes()) {
          if (replica.apply(change(change)) == RoutingReplica.Outcome.GAP) {
            return applied + resync();
          }
          applied++;
        }
        if (page.changes().size() < PAGE || replica.version() >= page.latest()) {
          return applied;
        }
      }
    } catch (PeerCallException e) {
      LOG.fine(() -> "routing changes not fetched: " + e.getMessage());
      return 0;
    }
  }

  /** Rebuilds the replica from the whole log and swaps it in. */
  private int resync() {
    Map<Msisdn, Routing> records = new LinkedHashMap<>();
    long version = 0;
    while (true) {
      RoutingJson.Changes page = fetch(version);
      for (RoutingJson.Change change : page.changes()) {
        Msisdn msisdn = new Msisdn(change.msisdn());
        if (change.repatriated()) {
          records.remove(msisdn);
        } else {
          records.put(msisdn, routing(change));
        }
        version = change.version();
      }
      if (page.changes().size() < PAGE) {
        List<RoutingRecord> snapshot = new ArrayList<>();
        records.forEach((msisdn, routing) -> snapshot.add(new RoutingRecord(msisdn, routing)));
        replica.loadSnapshot(version, snapshot);
        return snapshot.size();
      }
    }
  }

  private RoutingJson.Changes fetch(long after) {
    return clearinghouse.post(
        "/api/v1/routing/changes",
        new RoutingJson.ChangesQuery(after, PAGE),
        RoutingJson.Changes.class);
  }

  private static RoutingChange change(RoutingJson.Change change) {
    Msisdn msisdn = new Msisdn(change.msisdn());
    return change.repatriated()
        ? new RoutingChange.Repatriated(change.version(), msisdn)
        : new RoutingChange.Ported(change.version(), msisdn, routing(change));
  }

  private static Routing routing(RoutingJson.Change change) {
    return new Routing(
        new OperatorId(change.operator()), new RoutingNumber(change.routingNumber()));
  }
}
