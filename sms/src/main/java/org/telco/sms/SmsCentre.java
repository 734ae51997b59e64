package org.telco.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.telco.messaging.SmsMessage;
import org.telco.messaging.SmsSender;
import org.telco.subscriber.OperatorId;

/**
 * One operator's SMS centre. Everything that sends a message comes here: ESMEs over SMPP ({@link
 * #submit}), handsets ({@link #sendFromHandset}), the platform's notices (as its {@link SmsSender})
 * and other operators' centres ({@link #receiveFromPeer}). A message is stored before the sender
 * hears it was accepted, and routed in the same write (see {@code SmsJournal}): into an inbox, to
 * wait for a peer or an ESME, or undeliverable. A dispatcher thread answers messages to services
 * (and routes anything a previous run left ACCEPTED), and forwarder threads (two, each with its
 * lane of the messages) send what awaits a peer on to that peer's centre. What is owed to ESMEs
 * (receipts, messages to their short codes) waits in the store until the SMPP server hands it over.
 */
public final class SmsCentre implements SmsSender, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SmsCentre.class.getName());

  private final SmsStore store;
  private final SmsRouter router;
  private final Throttle throttle;
  private final Clock clock;
  private final SmsJournal journal;
  private final SmsDispatcher dispatcher;
  private final Semaphore work = new Semaphore(0);
  private final List<Semaphore> forwarding = new CopyOnWriteArrayList<>();
  private final Semaphore owed = new Semaphore(0);
  private final Thread dispatching;
  private final List<Thread> forwarders = new ArrayList<>();
  private volatile boolean open = true;

  /**
   * A centre; its dispatcher starts at once and first picks up what a previous run left.
   *
   * @param peers the other operators whose centres messages may be forwarded to
   * @param nanoTime monotonic time for throttling and backoff, such as {@code System::nanoTime}
   */
  public SmsCentre(
      SmsStore store,
      SmsRouter router,
      PeerLink link,
      List<OperatorId> peers,
      Clock clock,
      LongSupplier nanoTime) {
    this.store = store;
    this.router = router;
    this.throttle = new Throttle(nanoTime);
    this.clock = clock;
    this.journal = new SmsJournal(store, router, clock, this::committed);
    this.dispatcher = new SmsDispatcher(store, router, link, peers, clock, nanoTime);
    this.dispatching =
        Thread.ofPlatform()
            .name("sms-dispatcher")
            .daemon()
            .start(() -> loop(dispatcher::routeOnce, work, true));
    for (int lane = 0; lane < SmsDispatcher.FORWARD_LANES; lane++) {
      int mine = lane;
      Semaphore wakeUp = new Semaphore(0);
      forwarding.add(wakeUp);
      forwarders.add(
          Thread.ofPlatform()
              .name("sms-forwarder-" + lane)
              .daemon()
              .start(() -> loop(() -> dispatcher.forwardOnce(mine), wakeUp, false)));
    }
  }

  /**
   * How many messages handsets, ESMEs and the platform itself have handed this centre since it
   * started (messages arriving from other operators' centres are not counted); the console's SMS
   * traffic figure.
   */
  public long acceptedCount() {
    return journal.storedCount();
  }

  /** Submits an ESME's message; returns once it is stored, or refuses it. */
  public SubmitResult submit(
      EsmeAccount account, String from, String to, String text, boolean receiptRequested) {
    if (!throttle.tryAcquire(account)) {
      return new SubmitResult.Refused(SubmitResult.Refusal.THROTTLED);
    }
    if (!ShortMessage.isSource(from) || !account.maySendFrom(from)) {
      return new SubmitResult.Refused(SubmitResult.Refusal.SOURCE_NOT_ALLOWED);
    }
    if (!ShortMessage.isDestination(to)) {
      return new SubmitResult.Refused(SubmitResult.Refusal.INVALID_DESTINATION);
    }
    if (text.length() > ShortMessage.TEXT_MAX) {
      return new SubmitResult.Refused(SubmitResult.Refusal.MESSAGE_TOO_LONG);
    }
    ShortMessage message =
        new ShortMessage(
            MessageIds.fresh(),
            new Origin.Esme(account.systemId()),
            from,
            to,
            text,
            receiptRequested,
            clock.instant());
    try {
      journal.append(message).join();
    } catch (CompletionException e) {
      return new SubmitResult.Refused(SubmitResult.Refusal.SYSTEM_ERROR);
    }
    return new SubmitResult.Accepted(message.id());
  }

  /**
   * Sends a handset's message; returns its id once stored.
   *
   * @throws IllegalArgumentException when the destination or text is not acceptable
   */
  public String sendFromHandset(String msisdn, String to, String text) {
    ShortMessage message =
        new ShortMessage(
            MessageIds.fresh(),
            new Origin.Handset(msisdn),
            msisdn,
            to,
            text,
            false,
            clock.instant());
    journal.append(message).join();
    return message.id();
  }

  /** Sends a notice of the platform; its id makes a repeat a no-op. */
  @Override
  public void send(SmsMessage notice) {
    journal
        .append(
            new ShortMessage(
                notice.id(),
                new Origin.Service("notices"),
                notice.from(),
                notice.to(),
                notice.text(),
                false,
                notice.at()))
        .join();
  }

  /**
   * Takes messages another operator's centre routed here: stores them as coming from that peer (the
   * receipt, if any, is the sending centre's business) already routed, each in one write with its
   * inbox row ({@link SmsStore#acceptRouted}); ids stored before are left as they are, so a batch
   * forwarded again delivers nothing twice.
   *
   * @param peer the operator whose centre sent them, as its authenticated call says
   * @return each message's state by id: DELIVERED, or UNDELIVERABLE when the number is not served
   *     here
   */
  public Map<String, MessageState> receiveFromPeer(OperatorId peer, List<ShortMessage> received) {
    List<ShortMessage> messages =
        received.stream()
            .map(
                m ->
                    new ShortMessage(
                        m.id(),
                        new Origin.Peer(peer),
                        m.from(),
                        m.to(),
                        m.text(),
                        false,
                        m.acceptedAt()))
            .toList();
    List<Route> routes = router.routeAll(messages);
    Instant now = clock.instant();
    List<Settlement> steps = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      steps.add(SmsDispatcher.step(messages.get(i), routes.get(i), now));
    }
    store.acceptRouted(steps);
    List<String> ids = messages.stream().map(ShortMessage::id).toList();
    Map<String, MessageState> stored = store.states(ids);
    List<Settlement> left = new ArrayList<>();
    for (Settlement step : steps) {
      if (stored.get(step.message().id()) == MessageState.ACCEPTED) {
        left.add(step);
      }
    }
    if (!left.isEmpty()) { // stored ACCEPTED by a run that stopped before routing them
      store.settle(left);
      stored = store.states(ids);
    }
    Map<String, MessageState> states = new LinkedHashMap<>();
    for (ShortMessage message : messages) {
      states.put(message.id(), stored.getOrDefault(message.id(), MessageState.UNDELIVERABLE));
    }
    wakeOwed();
    return states;
  }

  /** One message as it stands. */
  public Optional<MessageRecord> find(String id) {
    return store.find(id);
  }

  /** The newest messages from or to {@code address}, newest first. */
  public List<MessageRecord> messagesOf(String address, int limit) {
    return store.messagesOf(address, limit);
  }

  /** What is owed to ESME {@code systemId}, oldest first. */
  public List<EsmeDelivery> owedTo(String systemId, int limit) {
    return store.owedTo(systemId, limit);
  }

  /** Records deliveries handed to their ESME. */
  public void handedOver(List<EsmeDelivery> deliveries) {
    store.handedOver(deliveries, clock.instant());
  }

  /**
   * Waits until something may be owed to an ESME, or the timeout passes; the SMPP server's
   * deliverer sleeps here between rounds.
   */
  public void awaitOwed(long timeout, TimeUnit unit) throws InterruptedException {
    if (owed.tryAcquire(timeout, unit)) {
      owed.drainPermits();
    }
  }

  /** Wakes the deliverer, such as when a receiver binds and may be owed something already. */
  public void nudgeDeliveries() {
    wakeOwed();
  }

  /**
   * After a group commit: the dispatcher may have messages for services, the forwarder messages
   * awaiting a peer, and the deliverer something owed to an ESME.
   */
  private void committed() {
    work.release();
    wakeForwarders();
    owed.release();
  }

  private void wakeForwarders() {
    forwarding.forEach(Semaphore::release);
  }

  private void wakeOwed() {
    owed.release();
  }

  /**
   * Runs {@code step} until closed: routing on one thread, forwarding to peers on others (one per
   * lane), so that waiting for a peer's answer never holds up routing. Each sleeps on its semaphore
   * when idle; a routing step that moved messages wakes the forwarder, as some may now await a
   * peer.
   */
  private void loop(IntSupplier step, Semaphore wakeUp, boolean wakesForwarder) {
    while (open) {
      try {
        int moved = step.getAsInt();
        if (moved > 0) {
          wakeOwed();
          if (wakesForwarder) {
            wakeForwarders();
          }
        } else if (wakeUp.tryAcquire(200, TimeUnit.MILLISECONDS)) {
          wakeUp.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "SMS dispatch failed; retrying", e);
        sleepQuietly();
      }
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    journal.close();
    open = false;
    dispatching.interrupt();
    forwarders.forEach(Thread::interrupt);
    try {
      dispatching.join(5_000);
      for (Thread forwarder : forwarders) {
        forwarder.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
