/** Payments and refunds in PostgreSQL: {@link org.telco.storage.payment.PgPaymentStore}. */
package org.telco.storage.payment;
