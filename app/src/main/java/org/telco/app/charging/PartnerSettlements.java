package org.telco.app.charging;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telco.charging.DailyUsage;
import org.telco.charging.Partner;
import org.telco.charging.SessionStore;
import org.telco.charging.Settlement;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.NewAccount;
import org.telco.ledger.Transfer;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.TransferIds;
import org.telco.traffic.TrafficAccounts;
import org.telco.traffic.TrafficPurpose;

/**
 * Partners' usage statistics and settlement (flow F5): a partner asks for the usage of its apps
 * over a period, gets it per app and day, and the charging platform deducts what the period's
 * closed days cost from the partner's account to sponsorship revenue, one transfer per day ({@link
 * Settlement}), so asking again, or for an overlapping period, charges each day once. Today is not
 * settled: its traffic is still coming in.
 */
final class PartnerSettlements {
  /** How many of a partner's latest transfers are read to find its settlements. */
  static final int SETTLEMENT_SCAN = 200;

  private final List<Partner> partners;
  private final SessionStore usage;
  private final ShardedLedger ledger;
  private final TrafficAccounts accounts;
  private final Clock clock;
  private final ZoneId zone;

  PartnerSettlements(
      List<Partner> partners,
      SessionStore usage,
      ShardedLedger ledger,
      TrafficAccounts accounts,
      Clock clock,
      ZoneId zone) {
    this.partners = List.copyOf(partners);
    this.usage = usage;
    this.ledger = ledger;
    this.accounts = accounts;
    this.clock = clock;
    this.zone = zone;
  }

  /** The period's statement: usage, what was settled (now or before), and the balance. */
  record Statement(
      Partner partner,
      LocalDate from,
      LocalDate to,
      List<DailyUsage> usage,
      List<SettledDay> settled,
      long balanceFen) {}

  /**
   * One day's settlement.
   *
   * @param charge the day's charge
   * @param outcome "charged" (now), "charged-before", or "disputed" (the day was settled before at
   *     another amount: usage reported late; left for staff)
   */
  record SettledDay(Settlement.DayCharge charge, String outcome) {}

  /** The configured partners. */
  List<Partner> partners() {
    return partners;
  }

  /** The configured partner with this id. */
  Optional<Partner> partner(String id) {
    return partners.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The partners' accounts, to open when the node starts. */
  List<NewAccount> accountsToOpen() {
    return partners.stream().map(p -> TrafficAccounts.openPartner(p.serial(), p.id())).toList();
  }

  /** Reports and settles the partner's usage from {@code from} to {@code to}, both included. */
  Statement statement(Partner partner, LocalDate from, LocalDate to) {
    List<DailyUsage> used = usage.usage(partner.apps(), from, to);
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    List<DailyUsage> closed = used.stream().filter(u -> u.day().isBefore(today)).toList();
    Settlement settlement = Settlement.of(partner, closed);
    List<TransferRequest> requests = new ArrayList<>();
    AccountId sponsorship = accounts.houseBeside(partner.account(), TrafficAccounts.SPONSORSHIP);
    for (Settlement.DayCharge day : settlement.days()) {
      requests.add(
          TransferRequest.posted(
              day.transferId(),
              partner.account(),
              sponsorship,
              day.amountFen(),
              TrafficPurpose.SPONSOR_SETTLEMENT.code()));
    }
    List<TransferResult> results = requests.isEmpty() ? List.of() : ledger.submit(requests).join();
    List<SettledDay> settled = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      settled.add(new SettledDay(settlement.days().get(i), outcome(results.get(i))));
    }
    return new Statement(partner, from, to, used, settled, balance(partner));
  }

  /**
   * The partner's last {@code limit} settled days, newest first, read from its account's transfers
   * without moving anything: the console may show them on a GET. The transfers scanned include its
   * prefunds, so up to {@link #SETTLEMENT_SCAN} recent ones are read to find them.
   */
  List<SettlementRecord> settled(Partner partner, int limit) {
    List<Transfer> transfers =
        ledger.transfersOf(partner.account(), SETTLEMENT_SCAN).join().stream()
            .filter(t -> t.code() == TrafficPurpose.SPONSOR_SETTLEMENT.code())
            .filter(t -> t.debitAccountId().equals(partner.account()))
            .limit(limit)
            .toList();
    String prefix = "sponsor:" + partner.id() + ":";
    List<Optional<LocalDate>> days =
        transfers.stream().map(t -> settledDay(t.id().value(), prefix)).toList();
    Map<LocalDate, Long> bytes = bytesByDay(partner, days);
    List<SettlementRecord> records = new ArrayList<>();
    for (int i = 0; i < transfers.size(); i++) {
      Transfer t = transfers.get(i);
      Optional<LocalDate> day = days.get(i);
      records.add(
          new SettlementRecord(
              day,
              day.map(d -> bytes.getOrDefault(d, 0L)).orElse(0L),
              t.amount(),
              t.id().value(),
              t.timestamp()));
    }
    return records;
  }

  private Map<LocalDate, Long> bytesByDay(Partner partner, List<Optional<LocalDate>> days) {
    List<LocalDate> known = days.stream().flatMap(Optional::stream).sorted().toList();
    if (known.isEmpty()) {
      return Map.of();
    }
    List<DailyUsage> used = usage.usage(partner.apps(), known.getFirst(), known.getLast());
    Map<LocalDate, Long> bytes = new HashMap<>();
    for (Settlement.DayCharge charge : Settlement.of(partner, used).days()) {
      bytes.put(charge.day(), charge.bytes());
    }
    return bytes;
  }

  /** The day a settlement's id names ({@code sponsor:<partner>:<day>}); empty for a digest id. */
  private static Optional<LocalDate> settledDay(String transferId, String prefix) {
    if (!transferId.startsWith(prefix)) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(transferId.substring(prefix.length())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Moves money the partner paid in to its account, from payments clearing; idempotent by id. */
  TransferResult prefund(Partner partner, String id, long amountFen) {
    AccountId clearing =
        SubscriberAccounts.member(
            ledger.shardOf(partner.account()), SubscriberAccounts.PAYMENTS_CLEARING);
    return ledger
        .submit(
            List.of(
                TransferRequest.posted(
                    TransferIds.of("sponsor-prefund", partner.id(), id),
                    clearing,
                    partner.account(),
                    amountFen,
                    TrafficPurpose.SPONSOR_PREFUND.code())))
        .join()
        .getFirst();
  }

  /** The partner's balance: what it paid in less what it was charged (negative: it owes). */
  long balance(Partner partner) {
    return ledger.account(partner.account()).join().map(Account::creditBalance).orElse(0L);
  }

  private static String outcome(TransferResult result) {
    return switch (result) {
      case TransferResult.Accepted accepted -> accepted.replayed() ? "charged-before" : "charged";
      case TransferResult.Rejected rejected -> "disputed";
    };
  }
}
