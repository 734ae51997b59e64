package org.telco.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.telco.subscriber.OperatorId;

/**
 * Moves stored messages on, a batch at a time: routes ACCEPTED ones (into inboxes, to services, to
 * receiving ESMEs, or to wait for a peer) and forwards those waiting for a peer. Every step is a
 * store write that a repeat leaves unchanged, so the dispatcher can stop anywhere. A peer that
 * fails is left alone for a while, growing from half a second to half a minute, while the others go
 * on.
 */
final class SmsDispatcher {
  private static final Logger LOG = Logger.getLogger(SmsDispatcher.class.getName());
  private static final int BATCH = 1_000;

  /**
   * How many forwarder threads there are, each taking its lane of the messages awaiting a peer (see
   * {@link SmsStore#awaitingPeer(OperatorId, int, int, int)}), so that one waits for a peer's
   * answer while another settles the batch before.
   */
  static final int FORWARD_LANES = 2;

  private static final long FIRST_BACKOFF_NANOS = 500_000_000L;
  private static final long MAX_BACKOFF_NANOS = 30_000_000_000L;

  private final SmsStore store;
  private final SmsRouter router;
  private final PeerLink link;
  private final List<OperatorId> peers;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final List<Map<OperatorId, Backoff>> backoffs;

  private record Backoff(long untilNanos, long lastNanos) {}

  SmsDispatcher(
      SmsStore store,
      SmsRouter router,
      PeerLink link,
      List<OperatorId> peers,
      Clock clock,
      LongSupplier nanoTime) {
    this.store = store;
    this.router = router;
    this.link = link;
    this.peers = List.copyOf(peers);
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.backoffs = new ArrayList<>();
    for (int lane = 0; lane < FORWARD_LANES; lane++) {
      backoffs.add(new HashMap<>());
    }
  }

  /**
   * Routes one batch of ACCEPTED messages. Only ACCEPTED messages are touched, so this may run on
   * one thread while {@link #forwardOnce()} runs on another.
   *
   * @return how many messages moved on
   */
  int routeOnce() {
    List<ShortMessage> batch = store.toRoute(BATCH);
    if (batch.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    List<Settlement> steps = new ArrayList<>(batch.size());
    List<ShortMessage> answers = new ArrayList<>();
    List<Route> routes = router.routeAll(batch);
    for (int i = 0; i < batch.size(); i++) {
      ShortMessage message = batch.get(i);
      Route route = routes.get(i);
      steps.add(step(message, route, now));
      if (route instanceof Route.ToService service) {
        answers.addAll(answers(message, service, now));
      }
    }
    store.accept(answers); // before the question is settled: a crash between asks again
    store.settle(steps);
    return batch.size();
  }

  /** The step a route means for a message; peers and services are taken further by the caller. */
  static Settlement step(ShortMessage message, Route route, Instant now) {
    String described = route.describe();
    return switch (route) {
      case Route.ToHandset handset ->
          new Settlement(message, MessageState.DELIVERED, described, now, true);
      case Route.ToService service ->
          new Settlement(message, MessageState.DELIVERED, described, now, false);
      case Route.ToReceiver receiver ->
          new Settlement(message, MessageState.AWAITING_RECEIVER, described, now, false);
      case Route.ToPeer peer ->
          new Settlement(message, MessageState.AWAITING_PEER, described, now, false);
      case Route.Unroutable unroutable ->
          new Settlement(message, MessageState.UNDELIVERABLE, described, now, false);
    };
  }

  private static List<ShortMessage> answers(
      ShortMessage question, Route.ToService service, Instant now) {
    if (!ShortMessage.isDestination(question.from())) {
      return List.of(); // an alphanumeric sender cannot be answered
    }
    List<String> texts;
    try {
      texts = service.service().answer(question);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "service on " + service.shortCode() + " failed", e);
      texts = List.of("Sorry, the service is not available now. Please try again later.");
    }
    List<ShortMessage> answers = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      answers.add(
          new ShortMessage(
              MessageIds.derived(question.id(), "a" + i),
              new Origin.Service(service.shortCode()),
              service.shortCode(),
              question.from(),
              texts.get(i),
              false,
              now));
    }
    return answers;
  }

  /**
   * Forwards one batch of lane {@code lane} per peer that is not backing off. Only messages
   * AWAITING_PEER in that lane are touched; call it for one lane from one thread at a time (the
   * lane's backoffs are that thread's).
   *
   * @return how many messages moved on
   */
  int forwardOnce(int lane) {
    int moved = 0;
    for (OperatorId peer : peers) {
      moved += forwardOnce(peer, lane);
    }
    return moved;
  }

  private int forwardOnce(OperatorId peer, int lane) {
    long now = nanoTime.getAsLong();
    Map<OperatorId, Backoff> backoffs = this.backoffs.get(lane);
    Backoff backoff = backoffs.get(peer);
    if (backoff != null && now < backoff.untilNanos()) {
      return 0;
    }
    List<ShortMessage> batch = store.awaitingPeer(peer, lane, FORWARD_LANES, BATCH);
    if (batch.isEmpty()) {
      return 0;
    }
    Map<String, MessageState> states;
    try {
      states = link.forward(peer, batch);
    } catch (RuntimeException e) {
      long wait =
          backoff == null
              ? FIRST_BACKOFF_NANOS
              : Math.min(2 * backoff.lastNanos(), MAX_BACKOFF_NANOS);
      backoffs.put(peer, new Backoff(now + wait, wait));
      LOG.log(
          Level.WARNING,
          () ->
              "peer " + peer.value() + " unavailable, retry in " + wait / 1_000_000 + " ms: " + e);
      return 0;
    }
    backoffs.remove(peer);
    Instant at = clock.instant();
    String route = new Route.ToPeer(peer).describe();
    List<Settlement> steps = new ArrayList<>(batch.size());
    for (ShortMessage message : batch) {
      MessageState state = states.get(message.id());
      if (state != null && state.isFinal()) {
        steps.add(new Settlement(message, state, route, at, false));
      }
    }
    store.settle(steps);
    return steps.size();
  }
}
