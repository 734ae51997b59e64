package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfiles;

class OperatorsFileTest {
  @TempDir Path directory;

  @Test
  void theFirstStartWritesTheDefaultsAndReadsThemBack() throws Exception {
    Path file = directory.resolve("operators.json");

    OperatorProfiles loaded = OperatorsFile.loadOrCreate(file);

    assertThat(loaded).isEqualTo(OperatorProfiles.allInOne());
    assertThat(Files.readString(file)).contains("\"id\" : \"alpha\"").contains("86138");
  }

  @Test
  void anEditedFileIsWhatTheOperatorsAre() throws Exception {
    Path file = directory.resolve("operators.json");
    OperatorsFile.loadOrCreate(file);
    String edited =
        Files.readString(file)
            .replace("\"Alpha Mobile\"", "\"Alpha Mobile Shanghai\"")
            .replace("[ \"86138\" ]", "[ \"86138\", \"86135\" ]");
    Files.writeString(file, edited, StandardCharsets.UTF_8);

    OperatorProfiles loaded = OperatorsFile.loadOrCreate(file);

    assertThat(loaded.find(new OperatorId("alpha")).orElseThrow().name())
        .isEqualTo("Alpha Mobile Shanghai");
    assertThat(loaded.owner(new Msisdn("8613500000001")).orElseThrow().id().value())
        .isEqualTo("alpha");
  }

  @Test
  void overlappingRangesStopTheStartNamingTheFile() throws Exception {
    Path file = directory.resolve("operators.json");
    OperatorsFile.loadOrCreate(file);
    Files.writeString(file, Files.readString(file).replace("\"86186\"", "\"8613\""));

    assertThatThrownBy(() -> OperatorsFile.loadOrCreate(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operators.json");
  }
}
