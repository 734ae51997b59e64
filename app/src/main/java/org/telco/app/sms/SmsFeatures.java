package org.telco.app.sms;

import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.telco.engine.ShardedLedger;
import org.telco.sms.EsmeAccount;
import org.telco.sms.EsmeAccounts;
import org.telco.sms.KeywordServices;
import org.telco.sms.LocalNumbers;
import org.telco.sms.NumberOwners;
import org.telco.sms.ShortCodes;
import org.telco.sms.SmsCentre;
import org.telco.sms.SmsRouter;
import org.telco.sms.SmsStore;
import org.telco.sms.smpp.SmppServer;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.OperatorProfiles;
import org.telco.subscriber.SubscriberStore;
import org.telco.web.Endpoints;
import org.telco.web.PeerClient;

/**
 * An operator's SMS platform wired together: the centre over its store, routing by number ranges
 * and this operator's subscribers, the service short code with its keywords ({@code YE} for the
 * balance; later flows add theirs through {@link #serviceKeywords()}), the short codes ESME
 * accounts receive, the signed HTTP link to the other operators' centres, and the SMPP server.
 */
public final class SmsFeatures implements AutoCloseable {
  private final OperatorProfile profile;
  private final OperatorProfiles operators;
  private final SubscriberStore subscribers;
  private final ShortCodes shortCodes = new ShortCodes();
  private final KeywordServices serviceKeywords = new KeywordServices();
  private final SmsCentre centre;
  private final SmppServer smpp;

  /**
   * Starts the centre and its SMPP server.
   *
   * @param owners who serves a number: the routing database for a ported one, else the ranges
   * @param peers clients for the other operators' nodes, by operator
   * @param esmes who may bind over SMPP
   * @param smppPort where the SMPP server listens
   */
  public SmsFeatures(
      OperatorProfile profile,
      OperatorProfiles operators,
      NumberOwners owners,
      SmsStore store,
      SubscriberStore subscribers,
      ShardedLedger ledger,
      Map<OperatorId, PeerClient> peers,
      EsmeAccounts esmes,
      int smppPort,
      Clock clock) {
    this.profile = profile;
    this.operators = operators;
    this.subscribers = subscribers;
    serviceKeywords.register(BalanceQuery.KEYWORD, new BalanceQuery(profile, subscribers, ledger));
    shortCodes.register(profile.serviceShortCode(), serviceKeywords);
    for (EsmeAccount esme : esmes.all()) {
      for (String code : esme.receiverShortCodes()) {
        shortCodes.registerReceiver(code, esme.systemId());
      }
    }
    SmsRouter router = new SmsRouter(profile.id(), owners, localNumbers(), shortCodes);
    List<OperatorId> others =
        operators.operators().stream()
            .map(OperatorProfile::id)
            .filter(id -> !id.equals(profile.id()))
            .toList();
    this.centre =
        new SmsCentre(store, router, new HttpPeerLink(peers), others, clock, System::nanoTime);
    this.smpp = SmppServer.start(centre, esmes, profile.id().value() + "-smsc", smppPort);
  }

  /** Subscribers who have not left receive, whatever else their state. */
  private LocalNumbers localNumbers() {
    return new LocalNumbers() {
      @Override
      public boolean canReceive(String msisdn) {
        return receiving(List.of(msisdn)).contains(msisdn);
      }

      /** One query for the whole batch. */
      @Override
      public Set<String> receiving(Collection<String> msisdns) {
        List<Msisdn> wellFormed =
            msisdns.stream().filter(Msisdn::isWellFormed).map(Msisdn::new).toList();
        Set<String> receiving = new HashSet<>();
        subscribers
            .findAll(wellFormed)
            .forEach(
                (msisdn, s) -> {
                  if (s.state().inService()) {
                    receiving.add(msisdn.digits());
                  }
                });
        return receiving;
      }
    };
  }

  /** The centre, which is also the platform's SMS sender for notices. */
  public SmsCentre centre() {
    return centre;
  }

  /** The keywords of the service short code, for flows that add their own. */
  public KeywordServices serviceKeywords() {
    return serviceKeywords;
  }

  /** The short-code registry, for flows that add codes. */
  public ShortCodes shortCodes() {
    return shortCodes;
  }

  /** Registers the SMS API under {@code /api/v1}. */
  public void register(HttpRouting.Builder routing, Endpoints endpoints) {
    routing
        .register("/api/v1", new SmsRoutes(profile, subscribers, centre, endpoints))
        .register("/api/v1", new PeerSms(centre, operators, endpoints));
  }

  @Override
  public void close() {
    smpp.close();
    centre.close();
  }
}
