package org.telco.app.console.handset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {
  @Test
  void theFirstOfChineseAndEnglishInTheBrowsersListWins() {
    assertThat(Language.preferred("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Language.ZH);
    assertThat(Language.preferred("en-US,en;q=0.9,zh;q=0.5")).isEqualTo(Language.EN);
    assertThat(Language.preferred("fr-FR, zh-TW;q=0.7")).isEqualTo(Language.ZH);
    assertThat(Language.preferred("fr, de")).isEqualTo(Language.EN);
    assertThat(Language.preferred("")).isEqualTo(Language.EN);
  }

  @Test
  void everyEnglishLabelHasAChineseOne() {
    java.util.ResourceBundle english =
        java.util.ResourceBundle.getBundle(Labels.BUNDLE, java.util.Locale.ROOT);
    for (String key : english.keySet()) {
      assertThat(Labels.of(Language.ZH, key)).as(key).isNotBlank();
    }
    assertThat(Labels.of(Language.ZH, "handset.sms")).isEqualTo("发短信");
    assertThat(Labels.of(Language.EN, "handset.sms")).isEqualTo("Send an SMS");
  }

  @Test
  void autopayAmountsAreYuanWithAtMostTwoDecimalsUpToTheCap() {
    assertThat(AutopayPage.fen("5")).hasValue(500);
    assertThat(AutopayPage.fen(" 5.5 ")).hasValue(550);
    assertThat(AutopayPage.fen("0.01")).hasValue(1);
    assertThat(AutopayPage.fen("200")).hasValue(20_000);
    assertThat(AutopayPage.fen("200.01")).isEmpty();
    assertThat(AutopayPage.fen("0")).isEmpty();
    assertThat(AutopayPage.fen("5,5")).isEmpty();
    assertThat(AutopayPage.fen("-1")).isEmpty();
    assertThat(AutopayPage.fen("1.234")).isEmpty();
  }
}
