/** The ledger's committed state in PostgreSQL: {@link org.telco.storage.ledger.PgLedgerStore}. */
package org.telco.storage.ledger;
