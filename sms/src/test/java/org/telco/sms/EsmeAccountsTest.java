package org.telco.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EsmeAccountsTest {
  private final EsmeAccount bank =
      EsmeAccount.withPassword(
          "bank1",
          "s3cret",
          new byte[] {1, 2, 3, 4},
          List.of("95588", "BANK", "86138*"),
          100,
          List.of());
  private final EsmeAccounts accounts = new EsmeAccounts(List.of(bank));

  @Test
  void theRightPasswordBindsAndTheDigestDoesNotHoldIt() {
    assertThat(accounts.check("bank1", "s3cret"))
        .isEqualTo(new EsmeAccounts.BindVerdict.Bound(bank));
    assertThat(bank.passwordDigest()).startsWith("sha256$01020304$").doesNotContain("s3cret");
  }

  @Test
  void aWrongPasswordAndAnUnknownSystemIdAreTold() {
    assertThat(accounts.check("bank1", "s3cre"))
        .isInstanceOf(EsmeAccounts.BindVerdict.WrongPassword.class);
    assertThat(accounts.check("bank1", null))
        .isInstanceOf(EsmeAccounts.BindVerdict.WrongPassword.class);
    assertThat(accounts.check("nobody", "s3cret"))
        .isInstanceOf(EsmeAccounts.BindVerdict.UnknownSystemId.class);
  }

  @Test
  void sourcesAreExactAddressesOrPrefixes() {
    assertThat(bank.maySendFrom("95588")).isTrue();
    assertThat(bank.maySendFrom("BANK")).isTrue();
    assertThat(bank.maySendFrom("8613800000001")).isTrue();
    assertThat(bank.maySendFrom("955880")).isFalse();
    assertThat(bank.maySendFrom("8618600000001")).isFalse();
  }

  @Test
  void aSystemIdLongerThanSmppAllowsIsRefused() {
    assertThatThrownBy(
            () ->
                EsmeAccount.withPassword(
                    "a-very-long-system-id", "pw", new byte[1], List.of(), 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
