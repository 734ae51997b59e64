/**
 * Payments into subscribers' balances and their refunds: client-chosen payment ids that make every
 * payment idempotent, the rules a payment must meet, payment providers as a port (with a
 * deterministic sandbox), and the ledger transfers a payment writes. docs/prepaid.md describes the
 * flow.
 */
package org.telco.payment;
