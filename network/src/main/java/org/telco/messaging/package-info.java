/**
 * Short messages to subscribers' handsets: {@link org.telco.messaging.SmsMessage}s go through the
 * outbox ({@link org.telco.messaging.SmsMessages}, {@link org.telco.messaging.SmsHandler}) to an
 * {@link org.telco.messaging.SmsSender}, by default the {@link org.telco.messaging.InboxSmsSender},
 * which fills each handset's {@link org.telco.messaging.HandsetInbox}.
 */
package org.telco.messaging;
