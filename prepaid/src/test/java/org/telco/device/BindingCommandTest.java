package org.telco.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BindingCommandTest {
  private static final DeviceId TVBOX = new DeviceId("TVBOX-0001");

  @Test
  void bindAndUnbindInAnyCaseAndSpacing() {
    assertThat(BindingCommand.parse("BIND TVBOX-0001")).isEqualTo(new BindingCommand.Bind(TVBOX));
    assertThat(BindingCommand.parse("  bind   tvbox-0001 \n"))
        .isEqualTo(new BindingCommand.Bind(TVBOX));
    assertThat(BindingCommand.parse("Unbind\tTvBox-0001"))
        .isEqualTo(new BindingCommand.Unbind(TVBOX));
    assertThat(BindingCommand.parse("\u3000BIND\u3000TVBOX-0001\u00a0"))
        .isEqualTo(new BindingCommand.Bind(TVBOX));
  }

  @Test
  void anythingElseIsAnsweredWithHelp() {
    for (String text :
        new String[] {
          "",
          "   ",
          "BIND",
          "BIND TVBOX-0001 now",
          "BINDTVBOX-0001",
          "BIND -TVBOX",
          "BIND TV",
          "YE",
          "bınd TVBOX-0001",
          "绑定 TVBOX-0001",
          "UNBIND TVBOX_0001"
        }) {
      assertThat(BindingCommand.parse(text))
          .as(text)
          .isEqualTo(new BindingCommand.Malformed(BindingReplies.HELP));
    }
    assertThat(BindingCommand.parse(null)).isInstanceOf(BindingCommand.Malformed.class);
  }

  @Test
  void theHelpShowsBothCommandsInBothLanguages() {
    assertThat(BindingReplies.HELP).contains("BIND", "UNBIND", "设备号", "device id");
    assertThat(BindingReplies.bound(TVBOX)).contains("TVBOX-0001", "UNBIND TVBOX-0001");
    assertThat(BindingReplies.unbound(TVBOX)).contains("TVBOX-0001");
    assertThat(BindingReplies.activation(TVBOX, new BindingToken("abc")))
        .endsWith("TOKEN abc")
        .doesNotContain("8613");
  }
}
