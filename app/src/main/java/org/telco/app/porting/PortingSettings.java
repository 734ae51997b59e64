package org.telco.app.porting;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.telco.app.SettingsFile;
import org.telco.porting.AcceptancePolicy;
import org.telco.porting.PortOutRules;
import org.telco.porting.VerificationPolicy;

/**
 * What an operator and the clearinghouse set for number portability (flow F4), read from {@code
 * porting.json} in the data directory (written with the defaults on first start, so there is a file
 * to edit). Each node reads its part: the clearinghouse the verification rules and how long a port
 * may wait, an operator its acceptance limit, its SIM-swap window and whether it refunds the money
 * of a number that leaves.
 *
 * @param compensationLimitFen the most compensation a recipient takes over for one number
 * @param refundBalanceOnPortOut whether the donor pays a leaving number's money back
 * @param depositLifetimeMinutes how long the donor's deposit stays good at the clearinghouse
 * @param attemptsMax wrong results per number within {@code lockoutHours} before it is locked out
 * @param lockoutHours how far back wrong results count
 * @param simSwapWindowDays how long after a SIM swap a port is refused
 * @param patienceMinutes how long a port may wait before acceptance before it expires
 */
public record PortingSettings(
    long compensationLimitFen,
    boolean refundBalanceOnPortOut,
    long depositLifetimeMinutes,
    int attemptsMax,
    long lockoutHours,
    long simSwapWindowDays,
    long patienceMinutes) {
  /** Checks that every value is usable. */
  public PortingSettings {
    if (compensationLimitFen < 0) {
      throw new IllegalArgumentException("compensationLimitFen must not be negative");
    }
    if (depositLifetimeMinutes < 1 || attemptsMax < 1 || lockoutHours < 1 || patienceMinutes < 1) {
      throw new IllegalArgumentException(
          "depositLifetimeMinutes, attemptsMax, lockoutHours and patienceMinutes must be positive");
    }
    if (simSwapWindowDays < 0) {
      throw new IllegalArgumentException("simSwapWindowDays must not be negative");
    }
  }

  /**
   * The defaults: a recipient takes over up to 100 yuan of debt, a leaving number's money is paid
   * back, a deposit is good for an hour, five wrong results a day lock a number, no port within a
   * week of a SIM swap, and a port not accepted within an hour expires.
   */
  public static PortingSettings defaults() {
    return new PortingSettings(10_000, true, 60, 5, 24, 7, 60);
  }

  /** The clearinghouse's verification rules. */
  public VerificationPolicy verification() {
    return new VerificationPolicy(
        attemptsMax, Duration.ofHours(lockoutHours), Duration.ofMinutes(depositLifetimeMinutes));
  }

  /** The recipient's acceptance rule. */
  public AcceptancePolicy acceptance() {
    return new AcceptancePolicy(compensationLimitFen);
  }

  /** The donor's port-out rules. */
  public PortOutRules portOut() {
    return new PortOutRules(Duration.ofDays(simSwapWindowDays));
  }

  /** How long a port may wait before acceptance. */
  public Duration patience() {
    return Duration.ofMinutes(patienceMinutes);
  }

  /**
   * The settings in {@code file}, or the defaults written to it when it does not exist.
   *
   * @throws IllegalArgumentException when a value is out of range, naming the file
   */
  public static PortingSettings loadOrCreate(Path file) throws IOException {
    return SettingsFile.loadOrCreate(file, PortingSettings.class, defaults());
  }
}
