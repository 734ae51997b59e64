package org.telco.device;

import java.time.Instant;
import java.util.Objects;
import org.telco.subscriber.Msisdn;

/**
 * A device bound to a paying number. Immutable; {@link #unbind} returns the binding as it stands
 * after, and the store replaces it only if it still holds the one read (compare-and-set).
 *
 * @param id unique, such as {@code binding:TVBOX-0001:<sms id>}
 * @param deviceId the device
 * @param payer the number its purchases are charged to
 * @param tokenHash the hash of the device's opaque token; the token itself is never kept
 * @param state where it stands
 * @param boundAt when it became active
 * @param consent the BIND SMS that allowed it
 * @param unboundAt when it ended; null while active
 * @param unboundBy how it ended; null while active
 */
public record Binding(
    String id,
    DeviceId deviceId,
    Msisdn payer,
    TokenHash tokenHash,
    BindingState state,
    Instant boundAt,
    Consent consent,
    Instant unboundAt,
    UnbindChannel unboundBy) {
  /**
   * Checks that the ending fields agree with the state, and that the consent came from the payer.
   */
  public Binding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(payer, "payer");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(boundAt, "boundAt");
    Objects.requireNonNull(consent, "consent");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a binding id is not blank");
    }
    if (!consent.from().equals(payer)) {
      throw new IllegalArgumentException("the consent must come from the payer " + payer);
    }
    boolean active = state == BindingState.ACTIVE;
    if (active != (unboundAt == null) || active != (unboundBy == null)) {
      throw new IllegalArgumentException("only an unbound binding has an end: " + state);
    }
    if (unboundAt != null && unboundAt.isBefore(boundAt)) {
      throw new IllegalArgumentException("a binding ends after it begins");
    }
  }

  /** A new, active binding, allowed by {@code consent}. */
  public static Binding activate(
      String id, DeviceId deviceId, TokenHash tokenHash, Consent consent, Instant at) {
    return new Binding(
        id, deviceId, consent.from(), tokenHash, BindingState.ACTIVE, at, consent, null, null);
  }

  /** Whether purchases may be charged through it. */
  public boolean isActive() {
    return state == BindingState.ACTIVE;
  }

  /**
   * The same active binding with a new token: the payer asked again (a BIND from the payer while
   * bound), because the device lost the token or never got it. The old token stops working.
   *
   * @throws IllegalStateException when it already ended
   * @throws IllegalArgumentException when {@code newHash} is the hash it has
   */
  public Binding withToken(TokenHash newHash) {
    if (!isActive()) {
      throw new IllegalStateException(id + " has ended; bind again instead");
    }
    if (newHash.equals(tokenHash)) {
      throw new IllegalArgumentException("a new token has a new hash");
    }
    return new Binding(id, deviceId, payer, newHash, state, boundAt, consent, null, null);
  }

  /**
   * The binding after its payer ended it.
   *
   * @throws IllegalStateException when it already ended
   */
  public Binding unbind(Instant at, UnbindChannel by) {
    if (!isActive()) {
      throw new IllegalStateException(id + " is already unbound");
    }
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(by, "by");
    return new Binding(
        id, deviceId, payer, tokenHash, BindingState.UNBOUND, boundAt, consent, at, by);
  }
}
