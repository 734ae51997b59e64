package org.telco.app;

import java.time.Clock;
import javax.sql.DataSource;
import org.telco.app.charging.ChargingFeatures;
import org.telco.app.traffic.TrafficFeatures;
import org.telco.app.traffic.TrafficSettings;
import org.telco.engine.ShardedLedger;
import org.telco.outbox.Outbox;
import org.telco.storage.subscriber.PgSimDirectory;
import org.telco.storage.traffic.PgSessionStore;
import org.telco.storage.traffic.SessionJournal;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.PlanBook;
import org.telco.subscriber.SimDirectory;
import org.telco.subscriber.SubscriberStore;
import org.telco.traffic.TrafficAccounts;

/**
 * An operator's data services (flow F5): the traffic platform and the charging function, wired
 * together because charging draws on the platform's buckets.
 *
 * @param traffic products, purchases, cards and buckets
 * @param charging Nchf online charging and partners' settlement
 */
record DataServices(TrafficFeatures traffic, ChargingFeatures charging) {
  /** Wires both over the operator's database, ledger and outbox. */
  static DataServices wire(
      OperatorProfile profile,
      DataSource dataSource,
      SubscriberStore subscribers,
      PlanBook plans,
      ShardedLedger ledger,
      Outbox outbox,
      TrafficSettings settings,
      Clock clock) {
    TrafficAccounts accounts = new TrafficAccounts(new EngineShards(ledger));
    SimDirectory sims = new PgSimDirectory(dataSource, clock);
    TrafficFeatures traffic =
        new TrafficFeatures(
            profile, dataSource, subscribers, ledger, accounts, settings, outbox, clock);
    ChargingFeatures charging =
        new ChargingFeatures(
            profile,
            new ChargingFeatures.Stores(
                subscribers,
                plans::current,
                traffic.buckets(),
                new SessionJournal(new PgSessionStore(dataSource)),
                sims),
            ledger,
            accounts,
            settings.quota(),
            settings.sponsors(),
            outbox,
            clock);
    return new DataServices(traffic, charging);
  }
}
