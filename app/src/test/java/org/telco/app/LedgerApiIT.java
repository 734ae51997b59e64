package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin ledger API over real HTTP: accounts, transfers, idempotency, pending expiry from the
 * ledger's schedule, and bad input answered with a problem naming the field and nothing written.
 */
class LedgerApiIT {
  private static final AtomicLong IDS = new AtomicLong(1000);
  private static TestPlatform platform;
  private static String base;
  private static String key;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = TestPlatform.start();
    base = platform.url("alpha") + "/api/v1/admin/ledger";
    key = platform.adminKey("alpha");
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  @Test
  void transferMovesMoneyAndARetryReturnsTheFirstOutcome() {
    long[] pair = customerPair(500);
    String transfer = transfer("pay-1-" + pair[0], pair[0], pair[1], 120);

    Http.Response first = Http.post(base + "/transfers", key, transfer);
    Http.Response retry = Http.post(base + "/transfers", key, transfer);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json().get("timestamp")).isEqualTo(first.json().get("timestamp"));
    assertThat(balance(pair[0])).isEqualTo(380);
    assertThat(balance(pair[1])).isEqualTo(120);
    JsonNode history = Http.get(base + "/accounts/" + pair[0] + "/transfers", key).json();
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("id").asText()).isEqualTo("pay-1-" + pair[0]);
  }

  @Test
  void retryWithDifferentFieldsIsAConflict() {
    long[] pair = customerPair(500);
    Http.post(base + "/transfers", key, transfer("dup-" + pair[0], pair[0], pair[1], 10));

    Http.Response conflict =
        Http.post(base + "/transfers", key, transfer("dup-" + pair[0], pair[0], pair[1], 11));

    assertProblem(conflict, 409, "exists-with-different-fields", "id");
    assertThat(balance(pair[0])).isEqualTo(490);
  }

  @Test
  void spendingMoreThanTheBalanceIsRejected() {
    long[] pair = customerPair(100);

    Http.Response refused =
        Http.post(base + "/transfers", key, transfer("over-" + pair[0], pair[0], pair[1], 101));

    assertProblem(refused, 422, "exceeds-credits", "amount");
    assertNothingWritten(pair, "over-" + pair[0], 100);
  }

  @Test
  void zeroOrNegativeAmountNamesTheAmount() {
    long[] pair = customerPair(100);

    assertProblem(
        Http.post(base + "/transfers", key, transfer("neg-" + pair[0], pair[0], pair[1], -5)),
        400,
        "invalid-field",
        "amount");
    assertProblem(
        Http.post(base + "/transfers", key, transfer("zero-" + pair[0], pair[0], pair[1], 0)),
        400,
        "invalid-field",
        "amount");
    assertNothingWritten(pair, "neg-" + pair[0], 100);
  }

  @Test
  void unknownAccountNamesTheAccountField() {
    long[] pair = customerPair(100);

    assertProblem(
        Http.post(base + "/transfers", key, transfer("ghost-" + pair[0], 987654321L, pair[1], 5)),
        422,
        "debit-account-not-found",
        "debitAccountId");
  }

  @Test
  void assetMismatchIsRejected() {
    long[] pair = customerPair(100);
    long bytes = pair[0] + 2;
    open(bytes, "DATA_BYTES", "");

    assertProblem(
        Http.post(base + "/transfers", key, transfer("mix-" + pair[0], pair[0], bytes, 5)),
        422,
        "accounts-must-have-the-same-asset",
        "creditAccountId");
    assertNothingWritten(pair, "mix-" + pair[0], 100);
  }

  @Test
  void numbersBeyondSixtyFourBitsAndBalanceOverflowAreRejected() {
    long source = (IDS.incrementAndGet() << 8) + 1;
    long sink = source + 1;
    open(source, "CNY_FEN", "");
    open(sink, "CNY_FEN", "");
    Http.Response huge =
        Http.post(
            base + "/transfers",
            key,
            "{\"id\":\"huge-"
                + source
                + "\",\"debitAccountId\":"
                + source
                + ",\"creditAccountId\":"
                + sink
                + ",\"amount\":99999999999999999999}");
    assertProblem(huge, 400, "invalid-field", "amount");

    String max = Long.toString(Long.MAX_VALUE);
    Http.Response first =
        Http.post(
            base + "/transfers", key, transfer("max1-" + source, source, sink, Long.MAX_VALUE));
    Http.Response overflow =
        Http.post(base + "/transfers", key, transfer("max2-" + source, source, sink, 1));

    assertThat(first.status()).as(max).isEqualTo(201);
    assertThat(overflow.status()).isEqualTo(422);
    assertThat(overflow.json().get("code").asText()).startsWith("overflows-");
    assertThat(overflow.json().get("field").asText()).isEqualTo("amount");
    assertThat(Http.get(base + "/transfers/max2-" + source, key).status()).isEqualTo(404);
  }

  @Test
  void malformedJsonAndUnknownFieldsAreRejected() {
    Http.Response malformed = Http.post(base + "/transfers", key, "{\"id\": ");
    Http.Response unknown =
        Http.post(base + "/transfers", key, "{\"id\":\"x-1\",\"colour\":\"red\",\"amount\":1}");
    Http.Response wrongType =
        Http.post(base + "/transfers", key, "{\"id\":\"x-2\",\"amount\":\"ten\"}");

    assertProblem(malformed, 400, "malformed-json", null);
    assertProblem(unknown, 400, "unknown-field", "colour");
    assertProblem(wrongType, 400, "invalid-field", "amount");
  }

  @Test
  void batchWithOneMalformedMemberWritesNothing() {
    long[] pair = customerPair(100);
    String batch =
        "["
            + transfer("b1-" + pair[0], pair[0], pair[1], 10)
            + ","
            + transfer("b2-" + pair[0], pair[0], pair[1], -1)
            + "]";

    Http.Response refused = Http.post(base + "/transfers", key, batch);

    assertProblem(refused, 400, "invalid-field", "[1].amount");
    assertNothingWritten(pair, "b1-" + pair[0], 100);
  }

  @Test
  void batchAnswersEachMemberAndLinkedMembersFailTogether() {
    long[] pair = customerPair(100);
    String batch =
        "["
            + transfer("ok-" + pair[0], pair[0], pair[1], 10)
            + ","
            + linked("l1-" + pair[0], pair[0], pair[1], 20)
            + ","
            + transfer("l2-" + pair[0], pair[0], pair[1], 1000)
            + "]";

    JsonNode results = Http.post(base + "/transfers", key, batch).json();

    assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
    assertThat(results.get(1).get("code").asText()).isEqualTo("linked-event-failed");
    assertThat(results.get(2).get("code").asText()).isEqualTo("exceeds-credits");
    assertThat(results.get(2).get("field").asText()).isEqualTo("[2].amount");
    assertThat(balance(pair[0])).isEqualTo(90);
  }

  @Test
  void pendingTransferExpiresWhenTheClockPassesItsTimeout() {
    long[] pair = customerPair(300);
    String pending =
        "{\"id\":\"hold-"
            + pair[0]
            + "\",\"debitAccountId\":"
            + pair[0]
            + ",\"creditAccountId\":"
            + pair[1]
            + ",\"amount\":200,\"flags\":[\"PENDING\"],\"timeoutSeconds\":60}";
    assertThat(Http.post(base + "/transfers", key, pending).status()).isEqualTo(201);
    assertThat(account(pair[0]).get("available").asLong()).isEqualTo(100);

    Http.post(platform.url("alpha") + "/api/v1/admin/clock/advance", key, "{\"seconds\": 61}");

    assertThat(account(pair[0]).get("available").asLong()).isEqualTo(300);
    assertThat(account(pair[0]).get("debitsPending").asLong()).isZero();
    assertThat(Http.get(base + "/transfers/expiry:hold-" + pair[0], key).status()).isEqualTo(200);
    Http.Response latePost =
        Http.post(
            base + "/transfers",
            key,
            "{\"id\":\"post-"
                + pair[0]
                + "\",\"pendingId\":\"hold-"
                + pair[0]
                + "\",\"flags\":[\"POST_PENDING\"]}");
    assertProblem(latePost, 409, "pending-transfer-expired", "pendingId");
  }

  @Test
  void pendingTransferCanBePostedPartially() {
    long[] pair = customerPair(300);
    Http.post(
        base + "/transfers",
        key,
        "{\"id\":\"auth-"
            + pair[0]
            + "\",\"debitAccountId\":"
            + pair[0]
            + ",\"creditAccountId\":"
            + pair[1]
            + ",\"amount\":200,\"flags\":[\"PENDING\"]}");

    Http.Response posted =
        Http.post(
            base + "/transfers",
            key,
            "{\"id\":\"cap-"
                + pair[0]
                + "\",\"pendingId\":\"auth-"
                + pair[0]
                + "\",\"amount\":150,\"flags\":[\"POST_PENDING\"]}");

    assertThat(posted.status()).isEqualTo(201);
    assertThat(balance(pair[0])).isEqualTo(150);
    assertThat(account(pair[0]).get("debitsPending").asLong()).isZero();
  }

  @Test
  void reopeningAnAccountIsIdempotentButChangingItIsAConflict() {
    long id = IDS.incrementAndGet() << 8;
    assertThat(open(id, "CNY_FEN", "").status()).isEqualTo(201);
    assertThat(open(id, "CNY_FEN", "").status()).isEqualTo(200);
    assertProblem(open(id, "DATA_BYTES", ""), 409, "exists-with-different-fields", "id");
  }

  /**
   * A funded customer account (debits limited by credits) and a second customer account on the same
   * shard; returns their ids.
   */
  private static long[] customerPair(long fundingFen) {
    long family = IDS.incrementAndGet() << 8;
    long funding = family + 1;
    long customer = family + 2;
    long other = family + 3;
    open(funding, "CNY_FEN", "");
    open(customer, "CNY_FEN", "\"DEBITS_MUST_NOT_EXCEED_CREDITS\"");
    open(other, "CNY_FEN", "\"DEBITS_MUST_NOT_EXCEED_CREDITS\"");
    Http.Response funded =
        Http.post(
            base + "/transfers", key, transfer("fund-" + customer, funding, customer, fundingFen));
    assertThat(funded.status()).isEqualTo(201);
    return new long[] {customer, other};
  }

  private static Http.Response open(long id, String asset, String flags) {
    return Http.post(
        base + "/accounts",
        key,
        "{\"id\":"
            + id
            + ",\"asset\":\""
            + asset
            + "\",\"flags\":["
            + flags
            + "],\"name\":\"t"
            + id
            + "\"}");
  }

  private static String transfer(String id, long debit, long credit, long amount) {
    return "{\"id\":\""
        + id
        + "\",\"debitAccountId\":"
        + debit
        + ",\"creditAccountId\":"
        + credit
        + ",\"amount\":"
        + amount
        + "}";
  }

  private static String linked(String id, long debit, long credit, long amount) {
    return "{\"id\":\""
        + id
        + "\",\"debitAccountId\":"
        + debit
        + ",\"creditAccountId\":"
        + credit
        + ",\"amount\":"
        + amount
        + ",\"flags\":[\"LINKED\"]}";
  }

  private static JsonNode account(long id) {
    Http.Response response = Http.get(base + "/accounts/" + id, key);
    assertThat(response.status()).isEqualTo(200);
    return response.json();
  }

  private static long balance(long id) {
    return account(id).get("balance").asLong();
  }

  private static void assertNothingWritten(long[] pair, String transferId, long expectedBalance) {
    assertThat(balance(pair[0])).isEqualTo(expectedBalance);
    assertThat(balance(pair[1])).isZero();
    assertThat(Http.get(base + "/transfers/" + transferId, key).status()).isEqualTo(404);
  }

  private static void assertProblem(Http.Response response, int status, String code, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).isEqualTo("application/problem+json");
    assertThat(response.json().get("code").asText()).isEqualTo(code);
    if (field == null) {
      assertThat(response.json().has("field")).isFalse();
    } else {
      assertThat(response.json().get("field").asText()).isEqualTo(field);
    }
  }
}
