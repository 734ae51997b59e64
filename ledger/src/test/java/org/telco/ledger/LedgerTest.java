package org.telco.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.telco.ledger.TransferRejection.ACCOUNTS_MUST_BE_DIFFERENT;
import static org.telco.ledger.TransferRejection.ACCOUNTS_MUST_HAVE_THE_SAME_ASSET;
import static org.telco.ledger.TransferRejection.AMOUNT_MUST_BE_POSITIVE;
import static org.telco.ledger.TransferRejection.CODE_MUST_NOT_BE_NEGATIVE;
import static org.telco.ledger.TransferRejection.CREDIT_ACCOUNT_ID_REQUIRED;
import static org.telco.ledger.TransferRejection.CREDIT_ACCOUNT_NOT_FOUND;
import static org.telco.ledger.TransferRejection.DEBIT_ACCOUNT_ID_REQUIRED;
import static org.telco.ledger.TransferRejection.DEBIT_ACCOUNT_NOT_FOUND;
import static org.telco.ledger.TransferRejection.EXCEEDS_CREDITS;
import static org.telco.ledger.TransferRejection.EXCEEDS_DEBITS;
import static org.telco.ledger.TransferRejection.EXCEEDS_PENDING_TRANSFER_AMOUNT;
import static org.telco.ledger.TransferRejection.EXISTS_WITH_DIFFERENT_FIELDS;
import static org.telco.ledger.TransferRejection.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
import static org.telco.ledger.TransferRejection.LINKED_EVENT_CHAIN_OPEN;
import static org.telco.ledger.TransferRejection.OVERFLOWS_CREDITS;
import static org.telco.ledger.TransferRejection.OVERFLOWS_CREDITS_PENDING;
import static org.telco.ledger.TransferRejection.OVERFLOWS_CREDITS_POSTED;
import static org.telco.ledger.TransferRejection.OVERFLOWS_DEBITS;
import static org.telco.ledger.TransferRejection.OVERFLOWS_DEBITS_PENDING;
import static org.telco.ledger.TransferRejection.OVERFLOWS_DEBITS_POSTED;
import static org.telco.ledger.TransferRejection.OVERFLOWS_TIMEOUT;
import static org.telco.ledger.TransferRejection.PENDING_ID_MUST_BE_DIFFERENT;
import static org.telco.ledger.TransferRejection.PENDING_ID_MUST_BE_EMPTY;
import static org.telco.ledger.TransferRejection.PENDING_ID_REQUIRED;
import static org.telco.ledger.TransferRejection.PENDING_TRANSFER_ALREADY_POSTED;
import static org.telco.ledger.TransferRejection.PENDING_TRANSFER_ALREADY_VOIDED;
import static org.telco.ledger.TransferRejection.PENDING_TRANSFER_EXPIRED;
import static org.telco.ledger.TransferRejection.PENDING_TRANSFER_HAS_DIFFERENT_ACCOUNTS;
import static org.telco.ledger.TransferRejection.PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT;
import static org.telco.ledger.TransferRejection.PENDING_TRANSFER_NOT_FOUND;
import static org.telco.ledger.TransferRejection.PENDING_TRANSFER_NOT_PENDING;
import static org.telco.ledger.TransferRejection.TIMEOUT_MUST_NOT_BE_NEGATIVE;
import static org.telco.ledger.TransferRejection.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER;
import static org.telco.ledger.TransferRequest.pending;
import static org.telco.ledger.TransferRequest.postPending;
import static org.telco.ledger.TransferRequest.posted;
import static org.telco.ledger.TransferRequest.voidPending;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LedgerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final AccountId OPERATOR = new AccountId(1);
  private static final AccountId CUSTOMER = new AccountId(2);
  private static final AccountId ADVANCE = new AccountId(3);
  private static final AccountId DATA_POOL = new AccountId(4);
  private static final AccountId SPARE = new AccountId(5);
  private static final AccountId UNKNOWN = new AccountId(99);
  private static final long HALF = 1L << 62;

  private final Ledger ledger = Ledger.empty();
  private LedgerBatch opening;

  @BeforeEach
  void openAccounts() {
    ledger.open(
        List.of(
            new NewAccount(OPERATOR, Asset.CNY_FEN, Set.of(), "operator"),
            new NewAccount(
                CUSTOMER,
                Asset.CNY_FEN,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
                "subscriber:1"),
            new NewAccount(
                ADVANCE,
                Asset.CNY_FEN,
                Set.of(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS),
                "advance"),
            new NewAccount(DATA_POOL, Asset.DATA_BYTES, Set.of(), "data-pool"),
            new NewAccount(SPARE, Asset.CNY_FEN, Set.of(), "spare")),
        T0);
    opening = ledger.drainChanges();
  }

  // Accounts.

  @Test
  void openingTheSameAccountAgainIsReplayed() {
    List<AccountResult> results =
        ledger.open(List.of(new NewAccount(OPERATOR, Asset.CNY_FEN, Set.of(), "operator")), T0);

    assertThat(results).containsExactly(new AccountResult.Opened(account(OPERATOR), true));
    assertThat(ledger.drainChanges().isEmpty()).isTrue();
  }

  @Test
  void openingAnExistingIdWithDifferentFieldsIsRejected() {
    List<AccountResult> results =
        ledger.open(List.of(new NewAccount(OPERATOR, Asset.DATA_BYTES, Set.of(), "operator")), T0);

    assertThat(results)
        .containsExactly(
            new AccountResult.Rejected(OPERATOR, AccountRejection.EXISTS_WITH_DIFFERENT_FIELDS));
  }

  @Test
  void newAccountStartsWithZeroBalancesAndItsOpeningTime() {
    AccountId id = new AccountId(10);
    List<AccountResult> results =
        ledger.open(List.of(new NewAccount(id, Asset.CNY_FEN, Set.of(), "new")), T0.plusSeconds(5));

    Account opened = ((AccountResult.Opened) results.get(0)).account();
    assertThat(opened.createdAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(opened.debitsPosted() + opened.creditsPosted()).isZero();
    assertThat(ledger.drainChanges().openedAccounts()).containsExactly(opened);
  }

  // Immediate transfers and limits.

  @Test
  void immediateTransferMovesPostedBalances() {
    Transfer transfer = accepted(posted(id("t1"), OPERATOR, CUSTOMER, 500, 7));

    assertThat(transfer.asset()).isEqualTo(Asset.CNY_FEN);
    assertThat(transfer.timestamp()).isEqualTo(T0);
    assertBalances(OPERATOR, 0, 500, 0, 0);
    assertBalances(CUSTOMER, 0, 0, 0, 500);
    ledger.checkInvariants();
  }

  @Test
  void debitBeyondAvailableCreditIsRejected() {
    fund(100);

    assertRejected(posted(id("t1"), CUSTOMER, OPERATOR, 101, 0), EXCEEDS_CREDITS);
    accepted(posted(id("t2"), CUSTOMER, OPERATOR, 100, 0));
    assertThat(account(CUSTOMER).availableCredit()).isZero();
  }

  @Test
  void pendingTransferCountsAgainstAvailableCredit() {
    fund(100);
    accepted(pending(id("p1"), CUSTOMER, OPERATOR, 80, 0, 0));

    assertRejected(posted(id("t1"), CUSTOMER, OPERATOR, 30, 0), EXCEEDS_CREDITS);
    assertRejected(pending(id("p2"), CUSTOMER, OPERATOR, 30, 0, 0), EXCEEDS_CREDITS);
    accepted(posted(id("t2"), CUSTOMER, OPERATOR, 20, 0));
  }

  @Test
  void creditBeyondDebitsIsRejectedOnCreditLimitedAccount() {
    accepted(posted(id("lend"), ADVANCE, OPERATOR, 300, 0));

    assertRejected(posted(id("repay1"), OPERATOR, ADVANCE, 301, 0), EXCEEDS_DEBITS);
    accepted(posted(id("repay2"), OPERATOR, ADVANCE, 300, 0));
  }

  @Test
  void creditLimitCountsPendingCredits() {
    accepted(posted(id("lend"), ADVANCE, OPERATOR, 300, 0));
    accepted(pending(id("p1"), OPERATOR, ADVANCE, 200, 0, 0));

    assertRejected(posted(id("repay"), OPERATOR, ADVANCE, 101, 0), EXCEEDS_DEBITS);
  }

  // Request faults, precedence and idempotency.

  @ParameterizedTest(name = "{0}")
  @MethodSource("faultyRequests")
  void faultyRequestIsRejectedWithItsReason(TransferRequest request, TransferRejection reason) {
    accepted(posted(id("immediate"), OPERATOR, SPARE, 5, 0));

    assertRejected(request, reason);
    assertThat(ledger.transfer(request.id())).isEmpty();
  }

  static Stream<Arguments> faultyRequests() {
    TransferId x = id("x");
    return Stream.of(
        fault(
            "pending and post at once",
            new TransferRequest(
                x,
                OPERATOR,
                SPARE,
                1,
                id("p"),
                Set.of(TransferFlag.PENDING, TransferFlag.POST_PENDING),
                0,
                0),
            FLAGS_ARE_MUTUALLY_EXCLUSIVE),
        fault(
            "post without pending id",
            new TransferRequest(x, null, null, 0, null, Set.of(TransferFlag.POST_PENDING), 0, 0),
            PENDING_ID_REQUIRED),
        fault(
            "immediate with pending id",
            new TransferRequest(x, OPERATOR, SPARE, 1, id("p"), Set.of(), 0, 0),
            PENDING_ID_MUST_BE_EMPTY),
        fault("post naming itself", postPending(x, x, 0), PENDING_ID_MUST_BE_DIFFERENT),
        fault(
            "immediate with timeout",
            new TransferRequest(x, OPERATOR, SPARE, 1, null, Set.of(), 10, 0),
            TIMEOUT_RESERVED_FOR_PENDING_TRANSFER),
        fault(
            "negative timeout",
            pending(x, OPERATOR, SPARE, 1, -1, 0),
            TIMEOUT_MUST_NOT_BE_NEGATIVE),
        fault("negative code", posted(x, OPERATOR, SPARE, 1, -1), CODE_MUST_NOT_BE_NEGATIVE),
        fault("no debit account", posted(x, null, SPARE, 1, 0), DEBIT_ACCOUNT_ID_REQUIRED),
        fault("no credit account", posted(x, OPERATOR, null, 1, 0), CREDIT_ACCOUNT_ID_REQUIRED),
        fault("same accounts", posted(x, OPERATOR, OPERATOR, 1, 0), ACCOUNTS_MUST_BE_DIFFERENT),
        fault("zero amount", posted(x, OPERATOR, SPARE, 0, 0), AMOUNT_MUST_BE_POSITIVE),
        fault("negative post amount", postPending(x, id("p"), -1), AMOUNT_MUST_BE_POSITIVE),
        fault("unknown debit account", posted(x, UNKNOWN, SPARE, 1, 0), DEBIT_ACCOUNT_NOT_FOUND),
        fault(
            "unknown credit account", posted(x, OPERATOR, UNKNOWN, 1, 0), CREDIT_ACCOUNT_NOT_FOUND),
        fault(
            "money to data",
            posted(x, OPERATOR, DATA_POOL, 1, 0),
            ACCOUNTS_MUST_HAVE_THE_SAME_ASSET),
        fault(
            "post of unknown transfer", postPending(x, id("nope"), 0), PENDING_TRANSFER_NOT_FOUND),
        fault(
            "void of an immediate transfer",
            voidPending(x, id("immediate")),
            PENDING_TRANSFER_NOT_PENDING));
  }

  private static Arguments fault(String name, TransferRequest request, TransferRejection reason) {
    return Arguments.of(named(name, request), reason);
  }

  @Test
  void firstFaultInPrecedenceOrderIsReported() {
    TransferRequest manyFaults =
        new TransferRequest(id("x"), UNKNOWN, UNKNOWN, -5, null, Set.of(), 10, -1);

    assertRejected(manyFaults, TIMEOUT_RESERVED_FOR_PENDING_TRANSFER);
  }

  @Test
  void retryWithSameFieldsIsReplayedWithoutMovingAgain() {
    Transfer first = accepted(posted(id("t1"), OPERATOR, CUSTOMER, 500, 7));
    ledger.drainChanges();

    TransferResult retry =
        ledger
            .submit(List.of(posted(id("t1"), OPERATOR, CUSTOMER, 500, 7)), T0.plusSeconds(60))
            .get(0);

    assertThat(retry).isEqualTo(new TransferResult.Accepted(first, true));
    assertBalances(CUSTOMER, 0, 0, 0, 500);
    assertThat(ledger.drainChanges().isEmpty()).isTrue();
  }

  @Test
  void retryWithDifferentFieldsIsRejected() {
    accepted(posted(id("t1"), OPERATOR, CUSTOMER, 500, 7));

    assertRejected(posted(id("t1"), OPERATOR, CUSTOMER, 501, 7), EXISTS_WITH_DIFFERENT_FIELDS);
    assertRejected(posted(id("t1"), OPERATOR, CUSTOMER, 500, 8), EXISTS_WITH_DIFFERENT_FIELDS);
    assertRejected(posted(id("t1"), SPARE, CUSTOMER, 500, 7), EXISTS_WITH_DIFFERENT_FIELDS);
    assertRejected(pending(id("t1"), OPERATOR, CUSTOMER, 500, 0, 7), EXISTS_WITH_DIFFERENT_FIELDS);
    assertBalances(CUSTOMER, 0, 0, 0, 500);
  }

  @Test
  void rejectedIdMayBeRetriedOnceTheFaultIsGone() {
    assertRejected(posted(id("t1"), CUSTOMER, OPERATOR, 100, 0), EXCEEDS_CREDITS);
    fund(100);

    accepted(posted(id("t1"), CUSTOMER, OPERATOR, 100, 0));
  }

  @Test
  void sameIdTwiceInOneSubmissionIsAppliedOnce() {
    TransferRequest request = posted(id("t1"), OPERATOR, CUSTOMER, 500, 0);

    List<TransferResult> results = ledger.submit(List.of(request, request), T0);

    assertThat(results.get(0)).isEqualTo(new TransferResult.Accepted(transfer("t1"), false));
    assertThat(results.get(1)).isEqualTo(new TransferResult.Accepted(transfer("t1"), true));
    assertBalances(CUSTOMER, 0, 0, 0, 500);
  }

  // Pending transfers.

  @Test
  void pendingTransferReservesAndFullPostMovesAll() {
    fund(1_000);
    accepted(pending(id("p1"), CUSTOMER, OPERATOR, 300, 0, 0));
    assertBalances(CUSTOMER, 300, 0, 0, 1_000);
    assertBalances(OPERATOR, 0, 1_000, 300, 0);

    Transfer post = accepted(postPending(id("c1"), id("p1"), 0));

    assertThat(post.amount()).isEqualTo(300);
    assertThat(post.debitAccountId()).isEqualTo(CUSTOMER);
    assertThat(post.creditAccountId()).isEqualTo(OPERATOR);
    assertThat(post.pendingId()).isEqualTo(id("p1"));
    assertBalances(CUSTOMER, 0, 300, 0, 1_000);
    assertBalances(OPERATOR, 0, 1_000, 0, 300);
    assertThat(ledger.pendingStatus(id("p1"))).contains(PendingStatus.POSTED);
    ledger.checkInvariants();
  }

  @Test
  void partialPostPostsPartAndReleasesTheRest() {
    fund(1_000);
    accepted(pending(id("p1"), CUSTOMER, OPERATOR, 300, 60, 0));

    Transfer post = accepted(postPending(id("c1"), id("p1"), 120));

    assertThat(post.amount()).isEqualTo(120);
    assertBalances(CUSTOMER, 0, 120, 0, 1_000);
    assertThat(account(CUSTOMER).availableCredit()).isEqualTo(880);
    assertThat(ledger.pendingStatus(id("p1"))).contains(PendingStatus.POSTED);
  }

  @Test
  void voidReleasesTheWholeReservation() {
    fund(1_000);
    accepted(pending(id("p1"), CUSTOMER, OPERATOR, 300, 0, 0));

    Transfer voided = accepted(voidPending(id("v1"), id("p1")));

    assertThat(voided.amount()).isEqualTo(300);
    assertBalances(CUSTOMER, 0, 0, 0, 1_000);
    assertBalances(OPERATOR, 0, 1_000, 0, 0);
    assertThat(ledger.pendingStatus(id("p1"))).contains(PendingStatus.VOIDED);
  }

  @Test
  void voidNamingTheWholeAmountIsAccepted() {
    accepted(pending(id("p1"), OPERATOR, SPARE, 300, 0, 0));

    accepted(
        new TransferRequest(
            id("v1"), OPERATOR, SPARE, 300, id("p1"), Set.of(TransferFlag.VOID_PENDING), 0, 0));
  }

  @Test
  void retryOfPostMatchesWhateverTheOriginalResolved() {
    accepted(pending(id("p1"), OPERATOR, SPARE, 300, 0, 0));
    Transfer post = accepted(postPending(id("c1"), id("p1"), 0));

    TransferRequest explicit =
        new TransferRequest(
            id("c1"), OPERATOR, SPARE, 300, id("p1"), Set.of(TransferFlag.POST_PENDING), 0, 0);

    assertThat(submit(explicit)).isEqualTo(new TransferResult.Accepted(post, true));
    assertThat(submit(postPending(id("c1"), id("p1"), 0)))
        .isEqualTo(new TransferResult.Accepted(post, true));
    assertRejected(postPending(id("c1"), id("p1"), 299), EXISTS_WITH_DIFFERENT_FIELDS);
    assertBalances(SPARE, 0, 0, 0, 300);
  }

  @Test
  void postNamingOtherAccountsThanThePendingTransferIsRejected() {
    accepted(pending(id("p1"), OPERATOR, SPARE, 300, 0, 0));

    assertRejected(
        new TransferRequest(
            id("c1"), OPERATOR, CUSTOMER, 0, id("p1"), Set.of(TransferFlag.POST_PENDING), 0, 0),
        PENDING_TRANSFER_HAS_DIFFERENT_ACCOUNTS);
  }

  @Test
  void pendingTransferIsResolvedOnlyOnce() {
    accepted(pending(id("p1"), OPERATOR, SPARE, 300, 0, 0));
    accepted(pending(id("p2"), OPERATOR, SPARE, 300, 0, 0));
    accepted(postPending(id("c1"), id("p1"), 0));
    accepted(voidPending(id("v2"), id("p2")));

    assertRejected(postPending(id("c1b"), id("p1"), 0), PENDING_TRANSFER_ALREADY_POSTED);
    assertRejected(voidPending(id("v1"), id("p1")), PENDING_TRANSFER_ALREADY_POSTED);
    assertRejected(postPending(id("c2"), id("p2"), 0), PENDING_TRANSFER_ALREADY_VOIDED);
    assertBalances(SPARE, 0, 0, 0, 300);
  }

  @Test
  void postingMoreThanWasReservedIsRejected() {
    accepted(pending(id("p1"), OPERATOR, SPARE, 300, 0, 0));

    assertRejected(postPending(id("c1"), id("p1"), 301), EXCEEDS_PENDING_TRANSFER_AMOUNT);
  }

  @Test
  void voidOfPartOfTheAmountIsRejected() {
    accepted(pending(id("p1"), OPERATOR, SPARE, 300, 0, 0));

    assertRejected(
        new TransferRequest(
            id("v1"), null, null, 100, id("p1"), Set.of(TransferFlag.VOID_PENDING), 0, 0),
        PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT);
  }

  @Test
  void postAfterTheTimeoutIsRejectedEvenBeforeTheTimerFires() {
    accepted(pending(id("p1"), OPERATOR, SPARE, 300, 60, 0));

    assertThat(submitAt(T0.plusSeconds(60), postPending(id("c1"), id("p1"), 0)))
        .isEqualTo(new TransferResult.Rejected(id("c1"), PENDING_TRANSFER_EXPIRED));
    assertThat(submitAt(T0.plusSeconds(59), postPending(id("c1"), id("p1"), 0)))
        .isInstanceOf(TransferResult.Accepted.class);
  }

  @Test
  void pendingTransferWithTimeoutSchedulesItsExpiry() {
    accepted(pending(id("p1"), OPERATOR, SPARE, 300, 60, 0));
    accepted(pending(id("p2"), OPERATOR, SPARE, 300, 0, 0));

    assertThat(ledger.pendingExpiries())
        .containsExactly(new PendingExpiry(id("p1"), T0.plusSeconds(60)));
  }

  // Overflows.

  @Test
  void pendingDebitsThatWouldOverflowAreRejected() {
    accepted(pending(id("p1"), OPERATOR, SPARE, Long.MAX_VALUE, 0, 0));

    assertRejected(pending(id("p2"), OPERATOR, ADVANCE, 1, 0, 0), OVERFLOWS_DEBITS_PENDING);
  }

  @Test
  void pendingCreditsThatWouldOverflowAreRejected() {
    accepted(pending(id("p1"), OPERATOR, SPARE, Long.MAX_VALUE, 0, 0));

    assertRejected(pending(id("p2"), ADVANCE, SPARE, 1, 0, 0), OVERFLOWS_CREDITS_PENDING);
  }

  @Test
  void postedDebitsThatWouldOverflowAreRejected() {
    accepted(posted(id("t1"), OPERATOR, SPARE, Long.MAX_VALUE, 0));

    assertRejected(posted(id("t2"), OPERATOR, ADVANCE, 1, 0), OVERFLOWS_DEBITS_POSTED);
  }

  @Test
  void postedCreditsThatWouldOverflowAreRejected() {
    accepted(posted(id("t1"), OPERATOR, SPARE, Long.MAX_VALUE, 0));

    assertRejected(posted(id("t2"), ADVANCE, SPARE, 1, 0), OVERFLOWS_CREDITS_POSTED);
  }

  @Test
  void debitsWhosePendingAndPostedSumWouldOverflowAreRejected() {
    accepted(pending(id("p1"), OPERATOR, SPARE, HALF, 0, 0));

    assertRejected(
        posted(id("t1"), OPERATOR, ADVANCE, Long.MAX_VALUE - HALF + 1, 0), OVERFLOWS_DEBITS);
  }

  @Test
  void creditsWhosePendingAndPostedSumWouldOverflowAreRejected() {
    accepted(pending(id("p1"), OPERATOR, SPARE, HALF, 0, 0));

    assertRejected(
        posted(id("t1"), ADVANCE, SPARE, Long.MAX_VALUE - HALF + 1, 0), OVERFLOWS_CREDITS);
  }

  @Test
  void timeoutBeyondTheLastInstantIsRejected() {
    assertRejected(pending(id("p1"), OPERATOR, SPARE, 1, Long.MAX_VALUE, 0), OVERFLOWS_TIMEOUT);
  }

  // Linked chains.

  @Test
  void failingChainMemberRollsBackTheEarlierMembers() {
    fund(100);
    ledger.drainChanges();

    List<TransferResult> results =
        ledger.submit(
            List.of(
                posted(id("a"), OPERATOR, SPARE, 10, 0).linked(),
                pending(id("b"), CUSTOMER, OPERATOR, 60, 0, 0).linked(),
                posted(id("c"), CUSTOMER, OPERATOR, 60, 0).linked(),
                posted(id("d"), OPERATOR, SPARE, 1, 0),
                posted(id("e"), OPERATOR, SPARE, 2, 0)),
            T0);

    assertThat(results)
        .extracting(LedgerTest::outcome)
        .containsExactly(
            "LINKED_EVENT_FAILED",
            "LINKED_EVENT_FAILED",
            "EXCEEDS_CREDITS",
            "LINKED_EVENT_FAILED",
            "accepted");
    assertBalances(SPARE, 0, 0, 0, 2);
    assertBalances(CUSTOMER, 0, 0, 0, 100);
    assertThat(ledger.transfer(id("a"))).isEmpty();
    assertThat(ledger.pendingStatus(id("b"))).isEmpty();
    LedgerBatch batch = ledger.drainChanges();
    assertThat(batch.transfers()).extracting(Transfer::id).containsExactly(id("e"));
    assertThat(batch.balances()).extracting(Account::id).containsExactlyInAnyOrder(OPERATOR, SPARE);
    ledger.checkInvariants();
  }

  @Test
  void rolledBackChainMembersMayBeSubmittedAgain() {
    ledger.submit(
        List.of(
            posted(id("a"), OPERATOR, SPARE, 10, 0).linked(),
            posted(id("b"), CUSTOMER, OPERATOR, 60, 0)),
        T0);

    accepted(posted(id("a"), OPERATOR, SPARE, 10, 0));
  }

  @Test
  void laterChainMembersSeeTheEffectsOfEarlierOnes() {
    List<TransferResult> results =
        ledger.submit(
            List.of(
                posted(id("fund"), OPERATOR, CUSTOMER, 100, 0).linked(),
                pending(id("p1"), CUSTOMER, OPERATOR, 100, 0, 0).linked(),
                postPending(id("c1"), id("p1"), 40)),
            T0);

    assertThat(results).extracting(LedgerTest::outcome).containsOnly("accepted");
    assertBalances(CUSTOMER, 0, 40, 0, 100);
    assertThat(ledger.pendingStatus(id("p1"))).contains(PendingStatus.POSTED);
  }

  @Test
  void failedChainUndoesAPostOfAPendingTransferCreatedEarlierInTheChain() {
    List<TransferResult> results =
        ledger.submit(
            List.of(
                pending(id("p1"), OPERATOR, SPARE, 100, 30, 0).linked(),
                postPending(id("c1"), id("p1"), 40).linked(),
                posted(id("bad"), OPERATOR, OPERATOR, 1, 0)),
            T0);

    assertThat(results)
        .extracting(LedgerTest::outcome)
        .containsExactly(
            "LINKED_EVENT_FAILED", "LINKED_EVENT_FAILED", "ACCOUNTS_MUST_BE_DIFFERENT");
    assertThat(ledger.pendingStatus(id("p1"))).isEmpty();
    assertBalances(OPERATOR, 0, 0, 0, 0);
    assertThat(ledger.drainChanges().isEmpty()).isTrue();
    assertThat(ledger.pendingExpiries()).isEmpty();
  }

  @Test
  void failedChainReopensAPendingTransferItHadPosted() {
    accepted(pending(id("p1"), OPERATOR, SPARE, 100, 0, 0));

    ledger.submit(
        List.of(
            postPending(id("c1"), id("p1"), 0).linked(),
            posted(id("bad"), OPERATOR, UNKNOWN, 1, 0)),
        T0);

    assertThat(ledger.pendingStatus(id("p1"))).contains(PendingStatus.PENDING);
    assertBalances(SPARE, 0, 0, 100, 0);
    accepted(voidPending(id("v1"), id("p1")));
  }

  @Test
  void chainLeftOpenAtTheEndIsRejected() {
    List<TransferResult> results =
        ledger.submit(
            List.of(
                posted(id("t0"), OPERATOR, SPARE, 1, 0),
                posted(id("a"), OPERATOR, SPARE, 10, 0).linked(),
                posted(id("b"), OPERATOR, SPARE, 20, 0).linked()),
            T0);

    assertThat(results)
        .extracting(LedgerTest::outcome)
        .containsExactly("accepted", "LINKED_EVENT_FAILED", "LINKED_EVENT_CHAIN_OPEN");
    assertBalances(SPARE, 0, 0, 0, 1);
  }

  @Test
  void lastLinkedRequestReportsTheOpenChainEvenAfterAnEarlierFailure() {
    List<TransferResult> results =
        ledger.submit(
            List.of(
                posted(id("a"), OPERATOR, SPARE, 10, 0).linked(),
                posted(id("b"), OPERATOR, UNKNOWN, 20, 0).linked(),
                posted(id("c"), OPERATOR, SPARE, 20, 0).linked(),
                posted(id("d"), OPERATOR, SPARE, 20, 0).linked()),
            T0);

    assertThat(results)
        .extracting(LedgerTest::outcome)
        .containsExactly(
            "LINKED_EVENT_FAILED",
            "CREDIT_ACCOUNT_NOT_FOUND",
            "LINKED_EVENT_FAILED",
            "LINKED_EVENT_CHAIN_OPEN");
  }

  @Test
  void singleLinkedRequestIsAnOpenChain() {
    assertRejected(posted(id("a"), OPERATOR, SPARE, 10, 0).linked(), LINKED_EVENT_CHAIN_OPEN);
  }

  @Test
  void retryOfACommittedChainReplaysEveryMember() {
    List<TransferRequest> chain =
        List.of(
            posted(id("a"), OPERATOR, SPARE, 10, 0).linked(),
            posted(id("b"), OPERATOR, SPARE, 20, 0));
    ledger.submit(chain, T0);
    ledger.drainChanges();

    assertThat(ledger.submit(chain, T0))
        .allSatisfy(result -> assertThat(((TransferResult.Accepted) result).replayed()).isTrue());
    assertThat(ledger.drainChanges().isEmpty()).isTrue();
    assertBalances(SPARE, 0, 0, 0, 30);
  }

  @Test
  void retryOfALinkedMemberWithoutItsLinkIsADifferentRequest() {
    ledger.submit(
        List.of(
            posted(id("a"), OPERATOR, SPARE, 10, 0).linked(),
            posted(id("b"), OPERATOR, SPARE, 20, 0)),
        T0);

    assertRejected(posted(id("a"), OPERATOR, SPARE, 10, 0), EXISTS_WITH_DIFFERENT_FIELDS);
  }

  // Expiry.

  @Test
  void expiryReleasesTheReservationOnceDue() {
    fund(1_000);
    accepted(pending(id("p1"), CUSTOMER, OPERATOR, 300, 60, 0));
    ledger.drainChanges();

    TransferResult result = ledger.expire(id("p1"), T0.plusSeconds(60));

    Transfer expiry = ((TransferResult.Accepted) result).transfer();
    assertThat(((TransferResult.Accepted) result).replayed()).isFalse();
    assertThat(expiry.id()).isEqualTo(id("expiry:p1"));
    assertThat(expiry.flags()).containsExactly(TransferFlag.VOID_PENDING);
    assertThat(expiry.amount()).isEqualTo(300);
    assertThat(expiry.code()).isZero();
    assertThat(expiry.pendingId()).isEqualTo(id("p1"));
    assertBalances(CUSTOMER, 0, 0, 0, 1_000);
    assertThat(ledger.pendingStatus(id("p1"))).contains(PendingStatus.EXPIRED);
    assertThat(ledger.drainChanges().transfers()).containsExactly(expiry);
    assertThat(ledger.pendingExpiries()).isEmpty();
  }

  @Test
  void expiringTwiceReleasesOnlyOnce() {
    accepted(pending(id("p1"), OPERATOR, SPARE, 300, 60, 0));
    Transfer expiry =
        ((TransferResult.Accepted) ledger.expire(id("p1"), T0.plusSeconds(60))).transfer();
    ledger.drainChanges();

    assertThat(ledger.expire(id("p1"), T0.plusSeconds(90)))
        .isEqualTo(new TransferResult.Accepted(expiry, true));
    assertBalances(SPARE, 0, 0, 0, 0);
    assertThat(ledger.drainChanges().isEmpty()).isTrue();
  }

  @Test
  void expiryBeforeTheTimeoutIsRefused() {
    accepted(pending(id("p1"), OPERATOR, SPARE, 300, 60, 0));
    accepted(pending(id("p2"), OPERATOR, SPARE, 300, 0, 0));

    assertThat(ledger.expire(id("p1"), T0.plusSeconds(59)))
        .isEqualTo(new TransferResult.Rejected(id("expiry:p1"), PENDING_TRANSFER_NOT_PENDING));
    assertThat(ledger.expire(id("p2"), T0.plusSeconds(1_000_000)))
        .isEqualTo(new TransferResult.Rejected(id("expiry:p2"), PENDING_TRANSFER_NOT_PENDING));
    assertBalances(SPARE, 0, 0, 600, 0);
  }

  @Test
  void expiryOfAResolvedPendingTransferIsRefused() {
    accepted(pending(id("p1"), OPERATOR, SPARE, 300, 60, 0));
    accepted(pending(id("p2"), OPERATOR, SPARE, 300, 60, 0));
    accepted(postPending(id("c1"), id("p1"), 0));
    accepted(voidPending(id("v2"), id("p2")));

    assertThat(ledger.expire(id("p1"), T0.plusSeconds(60)))
        .isEqualTo(new TransferResult.Rejected(id("expiry:p1"), PENDING_TRANSFER_ALREADY_POSTED));
    assertThat(ledger.expire(id("p2"), T0.plusSeconds(60)))
        .isEqualTo(new TransferResult.Rejected(id("expiry:p2"), PENDING_TRANSFER_ALREADY_VOIDED));
  }

  @Test
  void expiryOfAnUnknownOrImmediateTransferIsRefused() {
    accepted(posted(id("t1"), OPERATOR, SPARE, 300, 0));

    assertThat(ledger.expire(id("nope"), T0))
        .isEqualTo(new TransferResult.Rejected(id("expiry:nope"), PENDING_TRANSFER_NOT_FOUND));
    assertThat(ledger.expire(id("t1"), T0))
        .isEqualTo(new TransferResult.Rejected(id("expiry:t1"), PENDING_TRANSFER_NOT_PENDING));
  }

  @Test
  void postAfterExpiryIsRejectedAsExpired() {
    accepted(pending(id("p1"), OPERATOR, SPARE, 300, 60, 0));
    ledger.expire(id("p1"), T0.plusSeconds(60));

    assertRejected(postPending(id("c1"), id("p1"), 0), PENDING_TRANSFER_EXPIRED);
  }

  @Test
  void expiryStillCommitsWhenAClientTookTheExpiryId() {
    accepted(pending(id("p1"), OPERATOR, SPARE, 300, 60, 0));
    accepted(posted(id("expiry:p1"), OPERATOR, SPARE, 5, 0));

    Transfer expiry =
        ((TransferResult.Accepted) ledger.expire(id("p1"), T0.plusSeconds(60))).transfer();

    assertThat(expiry.id()).isNotEqualTo(id("expiry:p1"));
    assertThat(expiry.id().value()).startsWith("expiry:");
    assertThat(ledger.pendingStatus(id("p1"))).contains(PendingStatus.EXPIRED);
    assertThat(ledger.expire(id("p1"), T0.plusSeconds(61)))
        .isEqualTo(new TransferResult.Accepted(expiry, true));
    assertBalances(SPARE, 0, 0, 0, 5);
  }

  @Test
  void clientVoidUnderAnExpiryIdStaysAVoidAfterRestore() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    store.commit(opening);
    accepted(pending(id("p1"), OPERATOR, SPARE, 300, 60, 0));
    accepted(voidPending(id("expiry:p1"), id("p1")));
    store.commit(ledger.drainChanges());

    Ledger restored = Ledger.restore(store.load());

    assertThat(restored.pendingStatus(id("p1"))).contains(PendingStatus.VOIDED);
  }

  @Test
  void longPendingIdGetsAValidExpiryId() {
    TransferId longId = id("p".repeat(TransferId.LENGTH_MAX));
    accepted(pending(longId, OPERATOR, SPARE, 300, 60, 0));

    Transfer expiry =
        ((TransferResult.Accepted) ledger.expire(longId, T0.plusSeconds(60))).transfer();

    assertThat(expiry.id().value()).startsWith("expiry:").hasSize(TransferId.LENGTH_MAX);
    assertThat(ledger.pendingStatus(longId)).contains(PendingStatus.EXPIRED);
  }

  // Changes and restore.

  @Test
  void drainListsEachTouchedAccountOnceWithItsLatestBalances() {
    AccountId fresh = new AccountId(10);
    ledger.open(List.of(new NewAccount(fresh, Asset.CNY_FEN, Set.of(), "fresh")), T0);
    accepted(posted(id("t1"), OPERATOR, fresh, 10, 0));
    accepted(posted(id("t2"), OPERATOR, fresh, 20, 0));

    LedgerBatch batch = ledger.drainChanges();

    assertThat(batch.openedAccounts()).extracting(Account::id).containsExactly(fresh);
    assertThat(batch.openedAccounts().get(0).creditsPosted()).isZero();
    assertThat(batch.transfers()).extracting(Transfer::id).containsExactly(id("t1"), id("t2"));
    assertThat(batch.balances()).containsExactlyInAnyOrder(account(OPERATOR), account(fresh));
    assertThat(ledger.drainChanges().isEmpty()).isTrue();
  }

  @Test
  void restoreFromTheStoreGivesTheSameState() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    Ledger live = Ledger.empty();
    live.open(
        List.of(
            new NewAccount(OPERATOR, Asset.CNY_FEN, Set.of(), "operator"),
            new NewAccount(
                CUSTOMER, Asset.CNY_FEN, Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS), "c")),
        T0);
    live.submit(
        List.of(
            posted(id("fund"), OPERATOR, CUSTOMER, 1_000, 0),
            pending(id("posted"), CUSTOMER, OPERATOR, 100, 60, 0),
            pending(id("voided"), CUSTOMER, OPERATOR, 100, 60, 0),
            pending(id("expired"), CUSTOMER, OPERATOR, 100, 30, 0),
            pending(id("open"), CUSTOMER, OPERATOR, 100, 90, 0)),
        T0);
    store.commit(live.drainChanges());
    live.submit(
        List.of(postPending(id("c1"), id("posted"), 70), voidPending(id("v1"), id("voided"))),
        T0.plusSeconds(10));
    live.expire(id("expired"), T0.plusSeconds(30));
    store.commit(live.drainChanges());

    Ledger restored = Ledger.restore(store.load());

    assertThat(restored.accounts()).isEqualTo(live.accounts());
    for (String pendingId : List.of("posted", "voided", "expired", "open")) {
      assertThat(restored.pendingStatus(id(pendingId)))
          .isEqualTo(live.pendingStatus(id(pendingId)));
      assertThat(restored.transfer(id(pendingId))).isEqualTo(live.transfer(id(pendingId)));
    }
    assertThat(restored.pendingStatus(id("expired"))).contains(PendingStatus.EXPIRED);
    assertThat(restored.pendingExpiries()).isEqualTo(live.pendingExpiries());
    assertThat(restored.drainChanges().isEmpty()).isTrue();
    restored.checkInvariants();
    TransferRequest post = postPending(id("c2"), id("open"), 0);
    assertThat(restored.submit(List.of(post), T0.plusSeconds(40)))
        .isEqualTo(live.submit(List.of(post), T0.plusSeconds(40)));
    assertThat(restored.accounts()).isEqualTo(live.accounts());
  }

  @Test
  void invariantCheckCatchesUnbalancedState() {
    Account unbalanced = new Account(OPERATOR, Asset.CNY_FEN, Set.of(), "operator", 0, 5, 0, 0, T0);

    Ledger broken = Ledger.restore(new LedgerSnapshot(List.of(unbalanced), List.of()));

    assertThatThrownBy(broken::checkInvariants).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void invariantCheckCatchesABreachedLimit() {
    Account overdrawn =
        new Account(
            CUSTOMER,
            Asset.CNY_FEN,
            Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
            "c",
            0,
            5,
            0,
            0,
            T0);
    Account operator = new Account(OPERATOR, Asset.CNY_FEN, Set.of(), "operator", 0, 0, 0, 5, T0);

    Ledger broken = Ledger.restore(new LedgerSnapshot(List.of(overdrawn, operator), List.of()));

    assertThatThrownBy(broken::checkInvariants).hasMessageContaining("limit");
  }

  // History.

  @Test
  void historyOfAnAccountComesNewestFirstUpToTheLimit() {
    for (int i = 1; i <= 5; i++) {
      ledger.submit(
          List.of(TransferRequest.posted(id("t" + i), OPERATOR, CUSTOMER, i, 0)),
          T0.plusSeconds(i));
    }

    assertThat(ledger.transfersOf(CUSTOMER, 3))
        .extracting(Transfer::id)
        .containsExactly(id("t5"), id("t4"), id("t3"));
    assertThat(ledger.transfersOf(OPERATOR, 10)).hasSize(5);
    assertThat(ledger.transfersOf(SPARE, 10)).isEmpty();
    assertThat(ledger.transfersOf(UNKNOWN, 10)).isEmpty();
  }

  @Test
  void failedLinkedChainLeavesNoHistory() {
    ledger.submit(List.of(TransferRequest.posted(id("fund"), OPERATOR, CUSTOMER, 10, 0)), T0);

    ledger.submit(
        List.of(
            TransferRequest.posted(id("ok"), OPERATOR, CUSTOMER, 5, 0).linked(),
            TransferRequest.posted(id("too-much"), CUSTOMER, SPARE, 1_000, 0)),
        T0);

    assertThat(ledger.transfersOf(CUSTOMER, 10))
        .extracting(Transfer::id)
        .containsExactly(id("fund"));
    assertThat(ledger.transfersOf(SPARE, 10)).isEmpty();
  }

  @Test
  void historyIsRebuiltOnRestore() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    store.commit(opening);
    ledger.submit(List.of(TransferRequest.posted(id("a"), OPERATOR, CUSTOMER, 7, 0)), T0);
    ledger.submit(List.of(TransferRequest.posted(id("b"), CUSTOMER, SPARE, 2, 0)), T0);
    store.commit(ledger.drainChanges());

    Ledger restored = Ledger.restore(store.load());

    assertThat(restored.transfersOf(CUSTOMER, 10))
        .extracting(Transfer::id)
        .containsExactly(id("b"), id("a"));
  }

  // Helpers.

  private static TransferId id(String value) {
    return new TransferId(value);
  }

  private static String outcome(TransferResult result) {
    return switch (result) {
      case TransferResult.Accepted accepted -> accepted.replayed() ? "replayed" : "accepted";
      case TransferResult.Rejected rejected -> rejected.reason().name();
    };
  }

  private TransferResult submit(TransferRequest request) {
    return submitAt(T0, request);
  }

  private TransferResult submitAt(Instant now, TransferRequest request) {
    return ledger.submit(List.of(request), now).get(0);
  }

  private Transfer accepted(TransferRequest request) {
    TransferResult result = submit(request);
    assertThat(result).isInstanceOf(TransferResult.Accepted.class);
    assertThat(((TransferResult.Accepted) result).replayed()).isFalse();
    ledger.checkInvariants();
    return ((TransferResult.Accepted) result).transfer();
  }

  private void assertRejected(TransferRequest request, TransferRejection reason) {
    assertThat(submit(request)).isEqualTo(new TransferResult.Rejected(request.id(), reason));
    ledger.checkInvariants();
  }

  private void fund(long amount) {
    accepted(posted(id("fund"), OPERATOR, CUSTOMER, amount, 0));
  }

  private Transfer transfer(String id) {
    return ledger.transfer(id(id)).orElseThrow();
  }

  private Account account(AccountId id) {
    return ledger.account(id).orElseThrow();
  }

  private void assertBalances(
      AccountId id,
      long debitsPending,
      long debitsPosted,
      long creditsPending,
      long creditsPosted) {
    Account account = account(id);
    assertThat(
            List.of(
                account.debitsPending(),
                account.debitsPosted(),
                account.creditsPending(),
                account.creditsPosted()))
        .as("debits pending, debits posted, credits pending, credits posted of %s", id)
        .containsExactly(debitsPending, debitsPosted, creditsPending, creditsPosted);
  }
}
