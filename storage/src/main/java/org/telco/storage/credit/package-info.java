/** Emergency-credit advances in PostgreSQL: {@link org.telco.storage.credit.PgAdvanceStore}. */
package org.telco.storage.credit;
