/** The transactional outbox in PostgreSQL: {@link org.telco.storage.outbox.PgOutbox}. */
package org.telco.storage.outbox;
