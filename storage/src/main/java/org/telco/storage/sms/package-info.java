/**
 * The SMS centre's store on PostgreSQL: {@link org.telco.storage.sms.PgSmsStore}, table {@code
 * sms_message}, whose deliveries go into the same {@code handset_message} table as the inbox.
 */
package org.telco.storage.sms;
