package org.telco.app.credit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.telco.credit.EmergencyCreditPolicy;
import org.telco.credit.QuietHours;
import org.telco.subscriber.PlanId;

/**
 * The emergency-credit rules as {@code emergency-credit.json} in the data directory spells them.
 * The first start writes the defaults there, to be edited; every start reads them back and checks
 * them, so a mistake stops the platform with a message naming the file. Each operator applies them
 * in its own time zone (the quiet hours are local).
 *
 * @param delayMinutes how long a barred number waits for a top-up before its advance
 * @param repaymentHours from the grant to the repayment deadline
 * @param defaultAmountFen the advance for plans without their own amount
 * @param amountsByPlanFen advances of particular plans, by plan id
 * @param minimumTenureDays how long a number must have been a subscriber
 * @param defaultMemoryDays how long a default, even recovered, keeps a number from another advance
 * @param quietHours when advance SMS wait for morning, {@code HH:mm-HH:mm}; equal ends for none
 */
public record EmergencyCreditSettings(
    long delayMinutes,
    long repaymentHours,
    long defaultAmountFen,
    Map<String, Long> amountsByPlanFen,
    long minimumTenureDays,
    long defaultMemoryDays,
    String quietHours) {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * The defaults: after 30 minutes, 10 yuan (5 on the basic plan), repaid within 72 hours, for
   * numbers of at least 28 days (so one barred at its first fee, a month after subscribing, is
   * eligible even in February) with no default in 180 days; no SMS between 22:00 and 08:00.
   */
  public static EmergencyCreditSettings defaults() {
    return new EmergencyCreditSettings(
        30, 72, 1_000, Map.of("basic", 500L), 28, 180, "22:00-08:00");
  }

  /**
   * The settings in {@code file}, writing the defaults first if it does not exist.
   *
   * @throws IOException when the file cannot be read or written
   * @throws IllegalArgumentException when a setting is out of range, naming the file
   */
  public static EmergencyCreditSettings loadOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), defaults());
    }
    EmergencyCreditSettings settings =
        MAPPER.readValue(file.toFile(), EmergencyCreditSettings.class);
    try {
      settings.policyIn(ZoneId.of("UTC"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    return settings;
  }

  /** The policy for an operator counting its days in {@code zone}. */
  public EmergencyCreditPolicy policyIn(ZoneId zone) {
    Map<PlanId, Long> byPlan = new HashMap<>();
    if (amountsByPlanFen != null) {
      new TreeMap<>(amountsByPlanFen).forEach((plan, fen) -> byPlan.put(new PlanId(plan), fen));
    }
    return new EmergencyCreditPolicy(
        Duration.ofMinutes(delayMinutes),
        Duration.ofHours(repaymentHours),
        defaultAmountFen,
        byPlan,
        Duration.ofDays(minimumTenureDays),
        Duration.ofDays(defaultMemoryDays),
        quietHours(zone));
  }

  private QuietHours quietHours(ZoneId zone) {
    if (quietHours == null) {
      return QuietHours.none(zone);
    }
    String[] ends = quietHours.split("-", -1);
    if (ends.length != 2) {
      throw new IllegalArgumentException("quietHours must read HH:mm-HH:mm, not " + quietHours);
    }
    try {
      return new QuietHours(
          LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip()), zone);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("quietHours must read HH:mm-HH:mm, not " + quietHours, e);
    }
  }
}
