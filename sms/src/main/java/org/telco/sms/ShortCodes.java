package org.telco.sms;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The registry of this operator's short codes: each leads to a service of the platform or to an
 * ESME bound as receiver for it (a bank, a content provider). A service may sit behind several
 * keywords on one code; {@link KeywordServices} does that dispatch.
 */
public final class ShortCodes {
  private static final Pattern CODE = Pattern.compile("[0-9]{3,8}");

  private final Map<String, Target> targets = new ConcurrentHashMap<>();

  /** Where messages to a short code go. */
  public sealed interface Target {}

  /** A service of the platform. */
  public record ServiceTarget(ShortCodeService service) implements Target {}

  /** The ESME with this system_id, once bound as receiver. */
  public record ReceiverTarget(String systemId) implements Target {}

  /**
   * Sends messages to {@code code} to a service.
   *
   * @throws IllegalArgumentException when the code is malformed or taken
   */
  public void register(String code, ShortCodeService service) {
    put(code, new ServiceTarget(service));
  }

  /**
   * Sends messages to {@code code} to the ESME {@code systemId}.
   *
   * @throws IllegalArgumentException when the code is malformed or taken
   */
  public void registerReceiver(String code, String systemId) {
    put(code, new ReceiverTarget(systemId));
  }

  /** Where messages to {@code code} go, if it is registered. */
  public Optional<Target> target(String code) {
    return Optional.ofNullable(targets.get(code));
  }

  private void put(String code, Target target) {
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("short code must be 3-8 digits: " + code);
    }
    if (targets.putIfAbsent(code, target) != null) {
      throw new IllegalArgumentException("short code " + code + " is taken");
    }
  }
}
