package org.telco.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.telco.subscriber.NumberRange;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.OperatorProfiles;

/**
 * The operators' configuration, {@code operators.json} in the data directory: each operator's id,
 * name, MCC/MNC, billing time zone, number ranges and SMS short codes (the first is its service
 * short code). The first start writes the all-in-one defaults there, to be edited; every start
 * reads it back and checks it (unique ids, ranges and short codes), so a mistake stops the platform
 * with a message instead of routing numbers wrongly.
 */
final class OperatorsFile {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private OperatorsFile() {}

  /**
   * The configured operators, writing the defaults first if the file does not exist.
   *
   * @throws IOException when the file cannot be read or written
   * @throws IllegalArgumentException when it describes operators that cannot all be served
   */
  static OperatorProfiles loadOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      MAPPER
          .writerWithDefaultPrettyPrinter()
          .writeValue(file.toFile(), Document.of(OperatorProfiles.allInOne()));
    }
    Document document = MAPPER.readValue(file.toFile(), Document.class);
    try {
      return document.profiles();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The file's content.
   *
   * @param operators the operators
   */
  record Document(List<Operator> operators) {
    static Document of(OperatorProfiles profiles) {
      return new Document(profiles.operators().stream().map(Operator::of).toList());
    }

    OperatorProfiles profiles() {
      if (operators == null || operators.isEmpty()) {
        throw new IllegalArgumentException("no operators configured");
      }
      return new OperatorProfiles(operators.stream().map(Operator::profile).toList());
    }
  }

  /**
   * One operator as the file spells it.
   *
   * @param id the node name, lower-case letters and digits
   * @param name the operator's name
   * @param mcc mobile country code, 3 digits
   * @param mnc mobile network code, 2-3 digits
   * @param zone the time zone of its billing days, such as {@code Asia/Shanghai}
   * @param ranges number prefixes, such as {@code 86138}
   * @param shortCodes its short codes, service short code first
   */
  record Operator(
      String id,
      String name,
      String mcc,
      String mnc,
      String zone,
      List<String> ranges,
      List<String> shortCodes) {
    static Operator of(OperatorProfile profile) {
      return new Operator(
          profile.id().value(),
          profile.name(),
          profile.mcc(),
          profile.mnc(),
          profile.zone().getId(),
          profile.ranges().stream().map(NumberRange::prefix).toList(),
          profile.shortCodes());
    }

    OperatorProfile profile() {
      return new OperatorProfile(
          new OperatorId(id),
          name,
          mcc,
          mnc,
          ZoneId.of(zone == null ? "UTC" : zone),
          ranges == null ? List.of() : ranges.stream().map(NumberRange::new).toList(),
          shortCodes == null ? List.of() : shortCodes);
    }
  }
}
