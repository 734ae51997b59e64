package org.telco.app.sms;

import java.util.List;
import java.util.Optional;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.payment.Yuan;
import org.telco.sms.ShortCodeService;
import org.telco.sms.ShortMessage;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberStore;

/**
 * {@code YE} (余额, balance) to the service short code: the sender's balance, and what is due if
 * anything, in Chinese and English. Reading is all it does, so answering twice is harmless.
 */
public final class BalanceQuery implements ShortCodeService {
  /** The keyword, as subscribers have texted it for years. */
  public static final String KEYWORD = "YE";

  private final OperatorProfile profile;
  private final SubscriberStore subscribers;
  private final ShardedLedger ledger;

  /** The query over one operator's subscribers and ledger. */
  public BalanceQuery(OperatorProfile profile, SubscriberStore subscribers, ShardedLedger ledger) {
    this.profile = profile;
    this.subscribers = subscribers;
    this.ledger = ledger;
  }

  @Override
  public List<String> answer(ShortMessage message) {
    Optional<Subscriber> subscriber =
        Msisdn.isWellFormed(message.from())
            ? subscribers.find(new Msisdn(message.from()))
            : Optional.empty();
    if (subscriber.isEmpty()) {
      return List.of(
          "本号码不是" + profile.name() + "的用户。This number is not a " + profile.name() + " subscriber.");
    }
    long balance = credit(subscriber.get().moneyAccount().value());
    long due = -credit(subscriber.get().arrearsAccount().value());
    String text = "您的余额为 " + Yuan.of(balance) + " 元。Your balance is " + Yuan.of(balance) + " yuan.";
    if (due > 0) {
      text +=
          " 欠费 "
              + Yuan.of(due)
              + " 元，充值后自动恢复。Due: "
              + Yuan.of(due)
              + " yuan; a top-up re-opens the line.";
    }
    return List.of(text);
  }

  private long credit(long accountId) {
    return ledger
        .account(new org.telco.ledger.AccountId(accountId))
        .join()
        .map(Account::creditBalance)
        .orElse(0L);
  }
}
