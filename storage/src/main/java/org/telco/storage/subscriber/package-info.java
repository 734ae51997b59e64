/**
 * Subscribers and their histories in PostgreSQL: {@link
 * org.telco.storage.subscriber.PgSubscriberStore}.
 */
package org.telco.storage.subscriber;
