package org.telco.sms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.telco.subscriber.OperatorId;

/**
 * Decides where a message goes: a registered short code to its service or receiving ESME; a number
 * served here to its handset, if someone can receive on it; a number served elsewhere to that
 * operator's centre; anything else nowhere. A message that came from a peer is never sent on to a
 * peer, so two centres with different routing data cannot bounce it between them.
 */
public final class SmsRouter {
  private final OperatorId self;
  private final NumberOwners owners;
  private final LocalNumbers locals;
  private final ShortCodes shortCodes;

  /** A router for operator {@code self}. */
  public SmsRouter(
      OperatorId self, NumberOwners owners, LocalNumbers locals, ShortCodes shortCodes) {
    this.self = self;
    this.owners = owners;
    this.locals = locals;
    this.shortCodes = shortCodes;
  }

  /** The route of {@code message}. */
  public Route route(ShortMessage message) {
    return route(message, locals);
  }

  /**
   * The routes of {@code messages}, in list order; whether this operator's numbers can receive is
   * asked once for the whole list.
   */
  public List<Route> routeAll(List<ShortMessage> messages) {
    Set<String> candidates = new HashSet<>();
    for (ShortMessage message : messages) {
      String to = message.to();
      if (shortCodes.target(to).isEmpty() && owners.ownerOf(to).filter(self::equals).isPresent()) {
        candidates.add(to);
      }
    }
    Set<String> receiving = candidates.isEmpty() ? Set.of() : locals.receiving(candidates);
    LocalNumbers known = receiving::contains;
    List<Route> routes = new ArrayList<>(messages.size());
    for (ShortMessage message : messages) {
      routes.add(route(message, known));
    }
    return routes;
  }

  private Route route(ShortMessage message, LocalNumbers locals) {
    String to = message.to();
    Optional<ShortCodes.Target> target = shortCodes.target(to);
    if (target.isPresent()) {
      return switch (target.get()) {
        case ShortCodes.ServiceTarget service -> new Route.ToService(to, service.service());
        case ShortCodes.ReceiverTarget receiver -> new Route.ToReceiver(to, receiver.systemId());
      };
    }
    Optional<OperatorId> owner = owners.ownerOf(to);
    if (owner.isEmpty()) {
      return new Route.Unroutable("unknown-number");
    }
    if (owner.get().equals(self)) {
      return locals.canReceive(to)
          ? new Route.ToHandset(to)
          : new Route.Unroutable("not-in-service");
    }
    if (message.origin() instanceof Origin.Peer) {
      return new Route.Unroutable("not-served-here");
    }
    return new Route.ToPeer(owner.get());
  }
}
