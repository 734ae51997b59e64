package org.telco.sms;

import java.util.List;

/**
 * A service of the platform reached by texting a short code, such as the balance query ({@code YE}
 * to the service short code). It answers with texts the centre sends back from the short code to
 * the sender. Messages arrive at least once, so answering must be safe to repeat; the centre gives
 * the answers ids derived from the question's, so a repeated answer is sent once.
 */
@FunctionalInterface
public interface ShortCodeService {
  /** The texts to send back to {@code message.from()}; empty for none. */
  List<String> answer(ShortMessage message);
}
