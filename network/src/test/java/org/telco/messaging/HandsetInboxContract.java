package org.telco.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link HandsetInbox} shares; each implementation extends this suite. */
public abstract class HandsetInboxContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String ALICE = "8613800000001";
  private static final String BOB = "8613800000002";

  private HandsetInbox inbox;

  /** A fresh, empty inbox for one test. */
  protected abstract HandsetInbox newInbox();

  @BeforeEach
  void openInbox() {
    inbox = newInbox();
  }

  @Test
  void handsetThatReceivedNothingHasAnEmptyInbox() {
    assertThat(inbox.messagesFor(ALICE, 10)).isEmpty();
  }

  @Test
  void deliveredMessageComesBackWithAllItsFieldsToItsRecipientOnly() {
    SmsMessage receipt = sms("receipt:1", ALICE, "充值 50.00 元成功 \"ok\"\nthanks", 0);

    inbox.deliver(receipt);

    assertThat(inbox.messagesFor(ALICE, 10)).containsExactly(receipt);
    assertThat(inbox.messagesFor(BOB, 10)).isEmpty();
  }

  @Test
  void messagesComeNewestFirstUpToTheLimit() {
    inbox.deliver(sms("m:middle", ALICE, "b", 20));
    inbox.deliver(sms("m:newest", ALICE, "c", 30));
    inbox.deliver(sms("m:oldest", ALICE, "a", 10));

    assertThat(inbox.messagesFor(ALICE, 2))
        .extracting(SmsMessage::id)
        .containsExactly("m:newest", "m:middle");
  }

  @Test
  void messagesOfTheSameInstantComeLatestDeliveredFirst() {
    inbox.deliver(sms("m:z-first", ALICE, "", 0));
    inbox.deliver(sms("m:a-second", ALICE, "", 0));
    inbox.deliver(sms("m:m-third", ALICE, "", 0));

    assertThat(inbox.messagesFor(ALICE, 10))
        .extracting(SmsMessage::id)
        .containsExactly("m:m-third", "m:a-second", "m:z-first");
  }

  @Test
  void deliveringTheSameIdAgainKeepsOneMessage() {
    SmsMessage first = sms("m:1", ALICE, "first", 0);
    inbox.deliver(first);
    inbox.deliver(sms("m:1", ALICE, "second", 5));
    inbox.deliver(sms("m:1", BOB, "to someone else", 5));

    assertThat(inbox.messagesFor(ALICE, 10)).containsExactly(first);
    assertThat(inbox.messagesFor(BOB, 10)).isEmpty();
  }

  private static SmsMessage sms(String id, String to, String text, int secondsAfterT0) {
    return new SmsMessage(id, "10086", to, text, T0.plusSeconds(secondsAfterT0));
  }
}
