/** Handset inboxes in PostgreSQL: {@link org.telco.storage.messaging.PgHandsetInbox}. */
package org.telco.storage.messaging;
