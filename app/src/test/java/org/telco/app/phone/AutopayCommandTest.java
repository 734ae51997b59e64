package org.telco.app.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AutopayCommandTest {
  @Test
  void everyTakesHoursMinutesSecondsOrIsoDurations() {
    assertThat(AutopayCommand.duration("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(AutopayCommand.duration("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(AutopayCommand.duration("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(AutopayCommand.duration("PT2H")).isEqualTo(Duration.ofHours(2));
    assertThatThrownBy(() -> AutopayCommand.duration("soon"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--every");
  }
}
