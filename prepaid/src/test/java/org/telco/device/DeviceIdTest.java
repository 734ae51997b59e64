package org.telco.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeviceIdTest {
  @Test
  void onlyTheCanonicalUpperCaseShapeIsAnId() {
    assertThat(new DeviceId("TVBOX-0001").value()).isEqualTo("TVBOX-0001");
    assertThat(new DeviceId("A1-2")).hasToString("A1-2");
    assertThat(new DeviceId("X".repeat(32)).value()).hasSize(32);
    for (String bad :
        new String[] {"tvbox-0001", "-ABC", "ABC", "X".repeat(33), "TV BOX", "ТВ01"}) {
      assertThatThrownBy(() -> new DeviceId(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void whatAPersonTypedIsUpperCasedOrRefused() {
    assertThat(DeviceId.parse("tvBox-0001")).contains(new DeviceId("TVBOX-0001"));
    assertThat(DeviceId.parse("abc")).isEmpty();
    assertThat(DeviceId.parse(null)).isEmpty();
    assertThat(DeviceId.parse("tvbox-000ı")).isEmpty();
    assertThat(DeviceId.parse("straße1")).isEmpty();
  }
}
