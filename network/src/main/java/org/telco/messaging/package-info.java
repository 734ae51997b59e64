/**
 * Short messages to subscribers' handsets: {@link org.telco.messaging.SmsMessage}s go through the
 * outbox ({@link org.telco.messaging.SmsMessages}, {@link org.telco.messaging.SmsHandler}) to an
 * {@link org.telco.messaging.SmsSender}: on an operator node its SMS centre (module {@code sms}),
 * in this module's tests the {@link org.telco.messaging.InboxSmsSender}. Either way messages end in
 * each handset's {@link org.telco.messaging.HandsetInbox}.
 */
package org.telco.messaging;
