package org.telco.porting;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The random challenge a porting terminal makes: the donor and the terminal each key an HMAC over
 * it with the number's password-derived key, and the clearinghouse compares the two. Fresh for
 * every port attempt, so a result seen once is worth nothing for the next attempt.
 *
 * @param bytes 16 to 64 random bytes
 */
public record PortingNonce(byte[] bytes) {
  /** Bytes in a new nonce. */
  public static final int BYTES = 32;

  /** Checks the length and copies the bytes. */
  public PortingNonce {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length < 16 || bytes.length > 64) {
      throw new IllegalArgumentException("a nonce has 16-64 bytes, not " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /** A new nonce from {@code random} (a {@code SecureRandom} in a terminal). */
  public static PortingNonce issue(RandomGenerator random) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return new PortingNonce(bytes);
  }

  /** The nonce in {@code text} (Base64url without padding), if it is one. */
  public static Optional<PortingNonce> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PortingNonce(Base64.getUrlDecoder().decode(text.strip())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Base64url without padding: how it travels in SMS and JSON. */
  public String text() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PortingNonce nonce && Arrays.equals(bytes, nonce.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "PortingNonce[" + text() + "]";
  }
}
