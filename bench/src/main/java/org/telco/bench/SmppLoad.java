package org.telco.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/**
 * The ESME side of the SMS benchmark: {@code sessions} bind_transceiver sessions to one SMPP
 * server, each shared by {@code threadsPerSession} virtual threads that submit in a closed loop
 * (synchronous submit_sm, wait for submit_sm_resp, submit the next). Virtual threads park and wake
 * without the kernel, so the load generator takes less of the cores it shares with the nodes.
 * Destinations are drawn at random from two lists of subscribers; a share of the messages ask for a
 * delivery receipt, which comes back by deliver_sm on the same sessions.
 */
final class SmppLoad {
  private static final DataCoding ASCII =
      new GeneralDataCoding(Alphabet.ALPHA_DEFAULT, (MessageClass) null, false);
  private static final String SOURCE = "95588";

  private final Shape shape;
  private final List<String> local;
  private final List<String> remote;
  private final List<SMPPSession> sessions = new ArrayList<>();
  private final LongAdder submitted = new LongAdder();
  private final LongAdder receiptsReceived = new LongAdder();
  private final Set<String> receipted = ConcurrentHashMap.newKeySet();
  private final Map<Integer, LongAdder> refusals = new ConcurrentHashMap<>();
  private final LongAdder timeouts = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private volatile String firstError;

  /**
   * How the load is offered.
   *
   * @param sessions SMPP sessions
   * @param threadsPerSession submitting threads per session
   * @param receiptPercent share of messages with registered_delivery, in percent
   * @param localPercent share of messages to the first list of destinations, in percent
   */
  record Shape(int sessions, int threadsPerSession, int receiptPercent, int localPercent) {}

  /** What one submitting thread saw. */
  static final class Submitter {
    final List<String> acked = new ArrayList<>();
    final List<String> ackedWithReceipt = new ArrayList<>();
    final LatencyRecorder latency = new LatencyRecorder();
    long measured;
  }

  SmppLoad(Shape shape, List<String> local, List<String> remote) {
    this.shape = shape;
    this.local = List.copyOf(local);
    this.remote = List.copyOf(remote);
  }

  /** Binds every session as transceiver. */
  void bind(int port, String systemId, String password) throws IOException {
    for (int i = 0; i < shape.sessions(); i++) {
      SMPPSession session = new SMPPSession();
      session.setTransactionTimer(30_000);
      session.setMessageReceiverListener(new Receipts());
      session.connectAndBind(
          "127.0.0.1",
          port,
          new BindParameter(
              BindType.BIND_TRX,
              systemId,
              password,
              "",
              TypeOfNumber.UNKNOWN,
              NumberingPlanIndicator.UNKNOWN,
              null),
          10_000);
      sessions.add(session);
    }
  }

  /**
   * Submits from every thread until {@code endNanos}; answers that arrive from {@code
   * measureFromNanos} on are counted in {@link Submitter#measured} and their latency recorded.
   */
  List<Submitter> run(long measureFromNanos, long endNanos) throws InterruptedException {
    List<Submitter> submitters = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    int n = 0;
    for (SMPPSession session : sessions) {
      for (int t = 0; t < shape.threadsPerSession(); t++) {
        Submitter submitter = new Submitter();
        submitters.add(submitter);
        SplittableRandom random = new SplittableRandom(n);
        threads.add(
            Thread.ofVirtual()
                .name("esme-" + n++)
                .start(() -> submitLoop(session, submitter, random, measureFromNanos, endNanos)));
      }
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return submitters;
  }

  private void submitLoop(
      SMPPSession session,
      Submitter submitter,
      SplittableRandom random,
      long measureFromNanos,
      long endNanos) {
    long serial = 0;
    while (System.nanoTime() < endNanos) {
      boolean toLocal = random.nextInt(100) < shape.localPercent();
      List<String> pool = toLocal ? local : remote;
      String to = pool.get(random.nextInt(pool.size()));
      boolean receipt = random.nextInt(100) < shape.receiptPercent();
      String text = "Your code is " + (100_000 + random.nextInt(900_000)) + " #" + serial++;
      long start = System.nanoTime();
      try {
        String id = submit(session, to, text, receipt);
        long end = System.nanoTime();
        submitted.increment();
        (receipt ? submitter.ackedWithReceipt : submitter.acked).add(id);
        if (end >= measureFromNanos && end < endNanos) {
          submitter.measured++;
          submitter.latency.record(end - start);
        }
      } catch (NegativeResponseException e) {
        refusals.computeIfAbsent(e.getCommandStatus(), s -> new LongAdder()).increment();
      } catch (ResponseTimeoutException e) {
        timeouts.increment();
      } catch (Exception e) {
        errors.increment();
        if (firstError == null) {
          firstError = e.toString();
        }
        if (!session.getSessionState().isBound()) {
          return;
        }
      }
    }
  }

  private static String submit(SMPPSession session, String to, String text, boolean receipt)
      throws Exception {
    return session
        .submitShortMessage(
            "",
            TypeOfNumber.UNKNOWN,
            NumberingPlanIndicator.UNKNOWN,
            SOURCE,
            TypeOfNumber.INTERNATIONAL,
            NumberingPlanIndicator.ISDN,
            to,
            new ESMClass(),
            (byte) 0,
            (byte) 0,
            null,
            null,
            receipt
                ? new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE)
                : new RegisteredDelivery(),
            (byte) 0,
            ASCII,
            (byte) 0,
            text.getBytes(StandardCharsets.US_ASCII))
        .getMessageId();
  }

  /** Messages acknowledged so far, warmup included. */
  long submitted() {
    return submitted.sum();
  }

  long receiptsReceived() {
    return receiptsReceived.sum();
  }

  /** Distinct message ids a receipt arrived for. */
  Set<String> receipted() {
    return receipted;
  }

  Map<Integer, LongAdder> refusals() {
    return refusals;
  }

  long timeouts() {
    return timeouts.sum();
  }

  long errors() {
    return errors.sum();
  }

  String firstError() {
    return firstError;
  }

  /** Unbinds every session. */
  void close() {
    for (SMPPSession session : sessions) {
      session.unbindAndClose();
    }
  }

  /** Counts the delivery receipts; jSMPP answers each deliver_sm once this returns. */
  private final class Receipts implements MessageReceiverListener {
    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) {
      receiptsReceived.increment();
      OptionalParameter.Receipted_message_id id =
          deliverSm.getOptionalParameter(OptionalParameter.Receipted_message_id.class);
      if (id != null) {
        receipted.add(id.getValueAsString());
      }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {}

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 3);
    }
  }
}
