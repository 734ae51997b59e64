package org.telco.app.charging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One day of a partner's traffic as the ledger shows it settled: read back from the settlement
 * transfer ({@code sponsor:<partner>:<day>}), so the console shows what was charged without
 * settling anything itself.
 *
 * @param day the day settled; empty when the transfer id is in its digest form and does not name it
 * @param bytes the day's traffic of the partner's apps as the usage store has it now (usage
 *     reported after the settlement makes it larger than what was charged)
 * @param amountFen what the partner was charged
 * @param transferId the ledger transfer
 * @param at when the ledger committed it
 */
public record SettlementRecord(
    Optional<LocalDate> day, long bytes, long amountFen, String transferId, Instant at) {}
