package org.telco.sms.smpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.telco.sms.EsmeAccounts;
import org.telco.sms.SmsCentre;

/**
 * An operator's SMPP 3.4 server. Each connection gets a virtual thread that waits for its bind and
 * checks it against the ESME accounts (an unknown system_id gets ESME_RINVSYSID, a wrong password
 * ESME_RINVPASWD, both before anything else is possible); jSMPP then answers enquire_link and
 * unbind itself. Every connection is read through a {@link PduGuard}, so malformed PDUs get an
 * error status instead of reaching jSMPP's decoder. A session's queue holds {@value
 * #QUEUE_CAPACITY} requests; beyond that jSMPP answers ESME_RTHROTTLED, on top of each account's
 * own rate limit.
 */
public final class SmppServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SmppServer.class.getName());
  private static final int PDU_WORKERS = 16;
  private static final int QUEUE_CAPACITY = 1_000;
  private static final long BIND_TIMEOUT_MILLIS = 10_000;
  private static final int ENQUIRE_LINK_MILLIS = 30_000;

  private final SmsCentre centre;
  private final EsmeAccounts accounts;
  private final String systemId;
  private final SMPPServerSessionListener listener;
  private final BoundSessions sessions = new BoundSessions();
  private final Thread acceptor;
  private final Thread deliverer;

  private SmppServer(
      SmsCentre centre,
      EsmeAccounts accounts,
      String systemId,
      SMPPServerSessionListener listener) {
    this.centre = centre;
    this.accounts = accounts;
    this.systemId = systemId;
    this.listener = listener;
    listener.setPduProcessorDegree(PDU_WORKERS);
    listener.setQueueCapacity(QUEUE_CAPACITY);
    listener.setMessageReceiverListener(new SubmitReceiver(centre, sessions));
    listener.setSessionStateListener(
        (newState, oldState, session) -> {
          if (newState == SessionState.CLOSED) {
            sessions.remove(session.getSessionId());
          }
        });
    this.acceptor =
        Thread.ofPlatform().name("smpp-accept-" + systemId).daemon().start(this::accept);
    EsmeDeliverer delivering = new EsmeDeliverer(centre, sessions);
    this.deliverer =
        Thread.ofPlatform().name("smpp-deliver-" + systemId).daemon().start(delivering::run);
  }

  /**
   * Listens on {@code port}.
   *
   * @param systemId the system_id this centre answers binds with, such as {@code alpha-smsc}
   * @throws UncheckedIOException when the port cannot be opened
   */
  public static SmppServer start(
      SmsCentre centre, EsmeAccounts accounts, String systemId, int port) {
    try {
      return new SmppServer(
          centre,
          accounts,
          systemId,
          new SMPPServerSessionListener(port, new GuardedConnections()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for SMPP on port " + port, e);
    }
  }

  /** The port listened on. */
  public int port() {
    return listener.getPort();
  }

  private void accept() {
    while (true) {
      SMPPServerSession session;
      try {
        session = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      Thread.ofVirtual().name("smpp-bind").start(() -> bind(session));
    }
  }

  private void bind(SMPPServerSession session) {
    try {
      BindRequest request = session.waitForBind(BIND_TIMEOUT_MILLIS);
      switch (accounts.check(request.getSystemId(), request.getPassword())) {
        case EsmeAccounts.BindVerdict.UnknownSystemId unknown ->
            request.reject(SMPPConstant.STAT_ESME_RINVSYSID);
        case EsmeAccounts.BindVerdict.WrongPassword wrong ->
            request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
        case EsmeAccounts.BindVerdict.Bound bound -> {
          sessions.add(session, bound.account());
          session.setEnquireLinkTimer(ENQUIRE_LINK_MILLIS);
          request.accept(systemId, InterfaceVersion.IF_34);
          LOG.info(() -> bound.account().systemId() + " bound as " + request.getBindType());
          centre.nudgeDeliveries();
        }
      }
    } catch (TimeoutException e) {
      session.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "bind failed", e);
      session.close();
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing the SMPP listener", e);
    }
    for (BoundSessions.Bound bound : sessions.all()) {
      bound.session().unbindAndClose();
    }
    deliverer.interrupt();
    acceptor.interrupt();
  }
}
