package org.telco.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.messaging.InMemoryHandsetInbox;
import org.telco.messaging.SmsMessage;
import org.telco.sms.EsmeAccount;
import org.telco.sms.EsmeAccounts;
import org.telco.sms.InMemorySmsStore;
import org.telco.sms.KeywordServices;
import org.telco.sms.NumberOwners;
import org.telco.sms.ShortCodes;
import org.telco.sms.ShortMessage;
import org.telco.sms.SmsCentre;
import org.telco.sms.SmsRouter;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfiles;

/**
 * Two centres (alpha and beta) over in-memory stores, linked directly, and a real jSMPP client
 * bound to alpha's SMPP server on a free port.
 */
class SmppServerTest {
  private static final OperatorId ALPHA = new OperatorId("alpha");
  private static final OperatorId BETA = new OperatorId("beta");
  private static final String ALICE = "8613800000001";
  private static final String BOB = "8618600000001";

  private final InMemoryHandsetInbox alphaInbox = new InMemoryHandsetInbox();
  private final InMemoryHandsetInbox betaInbox = new InMemoryHandsetInbox();
  private final SmsCentre beta = centre(BETA, betaInbox, Set.of(BOB), new ShortCodes(), null);
  private final ShortCodes alphaCodes = new ShortCodes();
  private final SmsCentre alpha = centre(ALPHA, alphaInbox, Set.of(ALICE), alphaCodes, beta);
  private final EsmeAccounts accounts =
      new EsmeAccounts(
          List.of(
              EsmeAccount.withPassword(
                  "bank1", "s3cret", new byte[8], List.of("95588"), 1_000, List.of("95588")),
              EsmeAccount.withPassword("slow", "s3cret", new byte[8], List.of("*"), 2, List.of())));
  private final SmppServer server = SmppServer.start(alpha, accounts, "alpha-smsc", freePort());

  @AfterEach
  void stop() {
    server.close();
    alpha.close();
    beta.close();
  }

  @Test
  void aSubmitToAnotherOperatorsSubscriberLandsInItsInboxWithADeliveredReceipt() throws Exception {
    try (TestEsme bank = TestEsme.bind(server.port(), BindType.BIND_TRX, "bank1", "s3cret")) {
      String id = bank.submit("95588", BOB, "您的验证码是 123456");

      eventually(() -> !betaInbox.messagesFor(BOB, 10).isEmpty());
      SmsMessage landed = betaInbox.messagesFor(BOB, 10).getFirst();
      assertThat(landed.text()).isEqualTo("您的验证码是 123456");
      assertThat(landed.from()).isEqualTo("95588");

      DeliverSm receipt = bank.received.poll(10, TimeUnit.SECONDS);
      assertThat(receipt).isNotNull();
      assertThat(MessageType.SMSC_DEL_RECEIPT.containedIn(receipt.getEsmClass())).isTrue();
      assertThat(receipt.getShortMessageAsDeliveryReceipt().getId()).isEqualTo(id);
      assertThat(receipt.getShortMessageAsDeliveryReceipt().getFinalStatus())
          .isEqualTo(DeliveryReceiptState.DELIVRD);
      assertThat(
              receipt
                  .getOptionalParameter(OptionalParameter.Receipted_message_id.class)
                  .getValueAsString())
          .isEqualTo(id);
      assertThat(alpha.find(id).orElseThrow().route()).isEqualTo("peer:beta");
    }
  }

  @Test
  void anUnknownNumberGetsAnUndeliverableReceipt() throws Exception {
    try (TestEsme bank = TestEsme.bind(server.port(), BindType.BIND_TRX, "bank1", "s3cret")) {
      String id = bank.submit("95588", "4915100000001", "hello");

      DeliverSm receipt = bank.received.poll(10, TimeUnit.SECONDS);
      assertThat(receipt).isNotNull();
      assertThat(receipt.getShortMessageAsDeliveryReceipt().getId()).isEqualTo(id);
      assertThat(receipt.getShortMessageAsDeliveryReceipt().getFinalStatus())
          .isEqualTo(DeliveryReceiptState.UNDELIV);
    }
  }

  @Test
  void wrongCredentialsAreRefusedAtBind() {
    assertThatThrownBy(() -> TestEsme.bind(server.port(), BindType.BIND_TRX, "bank1", "wrong"))
        .hasCauseInstanceOf(NegativeResponseException.class)
        .cause()
        .extracting(e -> ((NegativeResponseException) e).getCommandStatus())
        .isEqualTo(SMPPConstant.STAT_ESME_RINVPASWD);
    assertThatThrownBy(() -> TestEsme.bind(server.port(), BindType.BIND_TX, "nobody", "s3cret"))
        .cause()
        .extracting(e -> ((NegativeResponseException) e).getCommandStatus())
        .isEqualTo(SMPPConstant.STAT_ESME_RINVSYSID);
  }

  @Test
  void aSubmitBeyondTheAccountsRateIsThrottled() throws Exception {
    try (TestEsme slow = TestEsme.bind(server.port(), BindType.BIND_TX, "slow", "s3cret")) {
      slow.submit("BANK", ALICE, "one");
      slow.submit("BANK", ALICE, "two");
      assertThatThrownBy(() -> slow.submit("BANK", ALICE, "three"))
          .isInstanceOf(NegativeResponseException.class)
          .extracting(e -> ((NegativeResponseException) e).getCommandStatus())
          .isEqualTo(SMPPConstant.STAT_ESME_RTHROTTLED);
    }
  }

  @Test
  void aSourceTheAccountMayNotUseIsRefused() throws Exception {
    try (TestEsme bank = TestEsme.bind(server.port(), BindType.BIND_TX, "bank1", "s3cret")) {
      assertThatThrownBy(() -> bank.submit("10086", ALICE, "pretending to be the operator"))
          .isInstanceOf(NegativeResponseException.class)
          .extracting(e -> ((NegativeResponseException) e).getCommandStatus())
          .isEqualTo(SMPPConstant.STAT_ESME_RINVSRCADR);
    }
  }

  @Test
  void aLongTextTravelsAsPayloadAndATooLongOneIsRefused() throws Exception {
    try (TestEsme bank = TestEsme.bind(server.port(), BindType.BIND_TX, "bank1", "s3cret")) {
      String text = "x".repeat(ShortMessage.TEXT_MAX);
      String id = bank.submitAsPayload("95588", ALICE, text);
      eventually(() -> !alphaInbox.messagesFor(ALICE, 10).isEmpty());
      assertThat(alphaInbox.messagesFor(ALICE, 10).getFirst().text()).isEqualTo(text);
      assertThat(alpha.find(id)).isPresent();

      assertThatThrownBy(() -> bank.submitAsPayload("95588", ALICE, text + "y"))
          .isInstanceOf(NegativeResponseException.class)
          .extracting(e -> ((NegativeResponseException) e).getCommandStatus())
          .isEqualTo(SMPPConstant.STAT_ESME_RINVMSGLEN);
      assertThatThrownBy(() -> bank.submit("95588", "12", "too short a destination"))
          .isInstanceOf(NegativeResponseException.class)
          .extracting(e -> ((NegativeResponseException) e).getCommandStatus())
          .isEqualTo(SMPPConstant.STAT_ESME_RINVDSTADR);
    }
  }

  @Test
  void aReceiverBoundForAShortCodeGetsTheHandsetsMessage() throws Exception {
    alphaCodes.registerReceiver("95588", "bank1");
    try (TestEsme bank = TestEsme.bind(server.port(), BindType.BIND_RX, "bank1", "s3cret")) {
      alpha.sendFromHandset(ALICE, "95588", "查询余额");

      DeliverSm mo = bank.received.poll(10, TimeUnit.SECONDS);
      assertThat(mo).isNotNull();
      assertThat(mo.getSourceAddr()).isEqualTo(ALICE);
      assertThat(SmppText.decode(mo.getDataCoding(), mo.getShortMessage())).isEqualTo("查询余额");
    }
  }

  @Test
  void aShortCodeServiceAnswersTheHandset() throws Exception {
    KeywordServices services = new KeywordServices();
    services.register("YE", m -> List.of("Balance for " + m.from()));
    alphaCodes.register("10086", services);

    alpha.sendFromHandset(ALICE, "10086", "YE");

    eventually(() -> !alphaInbox.messagesFor(ALICE, 10).isEmpty());
    assertThat(alphaInbox.messagesFor(ALICE, 10).getFirst().text())
        .isEqualTo("Balance for " + ALICE);
  }

  @Test
  void aMalformedSubmitAndAnUnknownCommandGetAnErrorStatus() throws Exception {
    try (RawSmpp raw = new RawSmpp(server.port())) {
      assertThat(raw.bindTransmitter("bank1", "s3cret").status()).isZero();

      // a submit_sm whose body ends inside its first C-string
      RawSmpp.Response truncated = raw.send(RawSmpp.SUBMIT_SM, new byte[] {'C', 'M'});
      assertThat(truncated.status()).isNotZero();

      RawSmpp.Response unknown = raw.send(0x00000077, new byte[0]);
      assertThat(unknown.commandId()).isEqualTo(RawSmpp.GENERIC_NACK);
      assertThat(unknown.status()).isEqualTo(SMPPConstant.STAT_ESME_RINVCMDID);
    }
    try (TestEsme bank = TestEsme.bind(server.port(), BindType.BIND_TRX, "bank1", "s3cret")) {
      assertThat(bank.submit("95588", ALICE, "the centre lives on")).isNotBlank();
    }
  }

  @Test
  void garbageAndTruncatedPdusNeverStopTheCentre() throws Exception {
    try (Socket garbage = new Socket("localhost", server.port())) {
      garbage
          .getOutputStream()
          .write("GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    try (Socket truncated = new Socket("localhost", server.port())) {
      DataOutputStream out = new DataOutputStream(truncated.getOutputStream());
      out.writeInt(64); // announces 64 octets
      out.writeInt(0x00000009); // bind_transceiver
      out.writeInt(0);
      out.flush(); // ... and stops
    }
    try (RawSmpp huge = new RawSmpp(server.port())) {
      // two gigabytes announced: refused before anything is allocated, and the line dropped
      RawSmpp.Response refused = huge.send(Integer.MAX_VALUE, RawSmpp.SUBMIT_SM, new byte[0]);
      assertThat(refused.commandId()).isEqualTo(RawSmpp.GENERIC_NACK);
      assertThat(refused.status()).isEqualTo(SMPPConstant.STAT_ESME_RINVCMDLEN);
    }
    try (TestEsme bank = TestEsme.bind(server.port(), BindType.BIND_TRX, "bank1", "s3cret")) {
      assertThat(bank.submit("95588", ALICE, "still here")).isNotBlank();
    }
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void eventually(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static SmsCentre centre(
      OperatorId self,
      InMemoryHandsetInbox inbox,
      Set<String> subscribers,
      ShortCodes codes,
      SmsCentre peer) {
    return new SmsCentre(
        new InMemorySmsStore(inbox),
        new SmsRouter(
            self, NumberOwners.byRanges(OperatorProfiles.allInOne()), subscribers::contains, codes),
        (operator, messages) -> {
          if (peer == null || !operator.equals(BETA)) {
            throw new IllegalStateException("no link to " + operator.value());
          }
          return peer.receiveFromPeer(self, messages);
        },
        List.of(ALPHA, BETA).stream().filter(o -> !o.equals(self)).toList(),
        Clock.systemUTC(),
        System::nanoTime);
  }
}
