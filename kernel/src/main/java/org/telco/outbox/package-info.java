/**
 * The transactional outbox: messages to other parties ({@link org.telco.outbox.OutboxMessage}) are
 * written in the same transaction as the state change that calls for them and delivered at least
 * once, in order per topic, by an {@link org.telco.outbox.OutboxRelay} to idempotent {@link
 * org.telco.outbox.OutboxHandler}s. See {@code docs/outbox.md}.
 */
package org.telco.outbox;
