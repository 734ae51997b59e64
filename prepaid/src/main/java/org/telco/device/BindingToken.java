package org.telco.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The opaque token a bound device presents to charge its purchases: 256 random bits, in place of
 * the paying number, which the device never learns. It is handed out once, at activation; the
 * operator keeps only its {@link #hash()}.
 *
 * <p>Why an unsalted SHA-256, unlike {@link DeviceCredentials}: the store must find a binding by
 * its token, so the hash must be the same each time, and a salt would make it differ. Salting
 * defends guessable secrets against precomputed tables; a 256-bit random token is not guessable.
 *
 * @param value Base64url text without padding; {@link #toString()} hides it
 */
public record BindingToken(String value) {
  /** Random bytes in a token. */
  public static final int TOKEN_BYTES = 32;

  /** Requires some text; a token read from a request is checked by looking its hash up. */
  public BindingToken {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a token is not empty");
    }
  }

  /** A new token from {@code random}. */
  public static BindingToken issue(RandomGenerator random) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return new BindingToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The SHA-256 of the token's text (UTF-8): what the store keeps. */
  public TokenHash hash() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return new TokenHash(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Hides the token: it is a bearer credential. */
  @Override
  public String toString() {
    return "BindingToken[hidden]";
  }
}
