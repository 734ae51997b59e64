/**
 * The double-entry ledger of one shard: accounts with posted and pending balances, immutable
 * transfers keyed by client ids, pending transfers that are posted, voided or expired, and linked
 * chains that commit atomically. {@link org.telco.ledger.Ledger} decides everything in memory; a
 * {@link org.telco.ledger.LedgerStore} makes each {@link org.telco.ledger.LedgerBatch} durable.
 * docs/ledger.md describes the model.
 */
package org.telco.ledger;
