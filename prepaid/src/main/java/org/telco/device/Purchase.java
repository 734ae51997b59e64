package org.telco.device;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.telco.ledger.TransferId;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.TransferIds;

/**
 * A value-added purchase on a bound device, charged to its payer. The id is the device's own
 * idempotency key, unique per device: a retried request names the same id and fields and is charged
 * once.
 *
 * @param id the device's id for it: 1 to 64 of {@code A-Za-z0-9._-}
 * @param deviceId the device
 * @param bindingId the binding it was charged through
 * @param payer the number charged
 * @param item what was bought, as the device names it (1 to {@link #ITEM_MAX} characters)
 * @param amountFen the price
 * @param at when it was bought
 * @param consentSmsId the id of the BIND SMS of the binding: the consent this charge rests on
 */
public record Purchase(
    String id,
    DeviceId deviceId,
    String bindingId,
    Msisdn payer,
    String item,
    long amountFen,
    Instant at,
    String consentSmsId) {
  /** Longest item name. */
  public static final int ITEM_MAX = 128;

  // No ':' in an id, so the transfer id purchase:<device>:<id> splits back one way only.
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Checks the id, the item and the amount. */
  public Purchase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(bindingId, "bindingId");
    Objects.requireNonNull(payer, "payer");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(consentSmsId, "consentSmsId");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a purchase id is 1-64 of A-Za-z0-9._-: " + id);
    }
    if (item.isBlank() || item.length() > ITEM_MAX) {
      throw new IllegalArgumentException("an item is named in 1-" + ITEM_MAX + " characters");
    }
    if (amountFen <= 0) {
      throw new IllegalArgumentException("a purchase is positive: " + amountFen);
    }
  }

  /**
   * Whether {@code other} asks for the same purchase: every field but the instant, which a retry
   * sent later changes. A stored purchase and a retry of it are the same request.
   */
  public boolean sameRequestAs(Purchase other) {
    return id.equals(other.id)
        && deviceId.equals(other.deviceId)
        && bindingId.equals(other.bindingId)
        && payer.equals(other.payer)
        && item.equals(other.item)
        && amountFen == other.amountFen
        && consentSmsId.equals(other.consentSmsId);
  }

  /** Whether {@code id} would make a valid purchase id; the web layer checks it first. */
  public static boolean isWellFormedId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** A purchase through {@code binding}, charged to its payer on the strength of its consent. */
  public static Purchase through(
      Binding binding, String id, String item, long amountFen, Instant at) {
    return new Purchase(
        id,
        binding.deviceId(),
        binding.id(),
        binding.payer(),
        item,
        amountFen,
        at,
        binding.consent().smsId());
  }

  /**
   * The id of its ledger transfer, {@code purchase:<device id>:<purchase id>}: the same for every
   * retry, so the payer is charged once.
   */
  public TransferId transferId() {
    return TransferIds.of("purchase", deviceId.value(), id);
  }
}
