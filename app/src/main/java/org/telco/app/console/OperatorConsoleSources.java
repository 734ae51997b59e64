package org.telco.app.console;

import java.util.function.Supplier;
import org.telco.app.charging.ChargingFeatures;
import org.telco.app.payment.Payments;
import org.telco.app.traffic.TrafficFeatures;
import org.telco.credit.AdvanceStore;
import org.telco.device.DeviceStore;
import org.telco.engine.ShardedLedger;
import org.telco.messaging.HandsetInbox;
import org.telco.sms.SmsCentre;
import org.telco.subscriber.PlanBook;
import org.telco.subscriber.SubscriberStore;

/**
 * What the operator console reads and changes: the same stores and services the REST API uses, so a
 * page shows exactly what the API would answer.
 *
 * @param subscribers the subscriber store
 * @param plans the plans in force, which admins change
 * @param traffic the traffic products on sale and subscribers' data buckets
 * @param devices devices and their bindings
 * @param ledger balances and transfers
 * @param advances emergency-credit advances
 * @param inbox handsets' received SMS
 * @param sms the SMS centre, for messages and its traffic count
 * @param topUps the top-ups recorded since start
 * @param charging the charging function: its partners with their balances, and the SIM directory
 * @param feeds what the node itself counts and knows
 */
public record OperatorConsoleSources(
    SubscriberStore subscribers,
    PlanBook plans,
    TrafficFeatures traffic,
    DeviceStore devices,
    ShardedLedger ledger,
    AdvanceStore advances,
    HandsetInbox inbox,
    SmsCentre sms,
    Supplier<Payments.TopUps> topUps,
    ChargingFeatures charging,
    ConsoleFeeds feeds) {}
