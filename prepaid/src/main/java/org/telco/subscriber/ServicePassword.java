package org.telco.subscriber;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A subscriber's service password as the operator keeps it: never the password, only a key derived
 * from it with PBKDF2-HMAC-SHA256 (password encoded as UTF-8), its salt and iteration count.
 *
 * <p>The derived key is itself a secret: number portability (flow F4) proves knowledge of the
 * password by HMAC-SHA256 over a nonce keyed with it ({@link #hmac(byte[])}). A terminal that knows
 * the password, the salt and the iteration count derives the same key, so salt and iterations are
 * not secret; the key is, and {@link #toString()} never shows it.
 *
 * <p>The arrays are copied in and out, so an instance cannot be changed after it is built; equality
 * compares contents.
 *
 * @param salt 8 to 64 random bytes, unique per password
 * @param iterations PBKDF2 iterations, at least 1 ({@link #ITERATIONS_DEFAULT} for real passwords;
 *     tests use fewer to stay fast)
 * @param derivedKey the {@link #KEY_BYTES}-byte PBKDF2 output
 */
public record ServicePassword(byte[] salt, int iterations, byte[] derivedKey) {
  /** PBKDF2-HMAC-SHA256 iterations for new passwords, as OWASP recommends (2023). */
  public static final int ITERATIONS_DEFAULT = 600_000;

  /** Length of a new salt. */
  public static final int SALT_BYTES = 16;

  /** Length of the derived key: one SHA-256 output. */
  public static final int KEY_BYTES = 32;

  /** Prefix of {@link #encoded()}. */
  private static final String SCHEME = "pbkdf2-sha256";

  /** Checks the lengths and copies the arrays. */
  public ServicePassword {
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(derivedKey, "derivedKey");
    if (salt.length < 8 || salt.length > 64) {
      throw new IllegalArgumentException("salt must have 8-64 bytes, not " + salt.length);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive: " + iterations);
    }
    if (derivedKey.length != KEY_BYTES) {
      throw new IllegalArgumentException("derived key must have " + KEY_BYTES + " bytes");
    }
    salt = salt.clone();
    derivedKey = derivedKey.clone();
  }

  /**
   * A new password record with a fresh salt from {@code random} and the default iteration count.
   *
   * @throws IllegalArgumentException when the password breaks the {@link PasswordPolicy}; check it
   *     first to answer the client
   */
  public static ServicePassword choose(char[] password, RandomGenerator random) {
    PasswordPolicy.check(password)
        .ifPresent(
            rejection -> {
              throw new IllegalArgumentException("service password refused: " + rejection);
            });
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return derive(password, salt, ITERATIONS_DEFAULT);
  }

  /** Derives the key of {@code password} with {@code salt} and the default iteration count. */
  public static ServicePassword derive(char[] password, byte[] salt) {
    return derive(password, salt, ITERATIONS_DEFAULT);
  }

  /** Derives the key of {@code password} with {@code salt} and {@code iterations}. */
  public static ServicePassword derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BYTES * 8);
    try {
      byte[] key =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      return new ServicePassword(salt, iterations, key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** Whether {@code password} derives the same key, compared in constant time. */
  public boolean matches(char[] password) {
    return MessageDigest.isEqual(derive(password, salt, iterations).derivedKey, derivedKey);
  }

  /** HMAC-SHA256 of {@code message} keyed with the derived key: the porting proof of a nonce. */
  public byte[] hmac(byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(derivedKey, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /**
   * One line for storage: {@code pbkdf2-sha256$<iterations>$<salt>$<key>}, salt and key in Base64
   * without padding (the layout of the PHC string format).
   */
  public String encoded() {
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + "$"
        + iterations
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(derivedKey);
  }

  /** Reads what {@link #encoded()} wrote. */
  public static ServicePassword parse(String encoded) {
    String[] parts = encoded.split("\\$", -1);
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      throw new IllegalArgumentException("not a " + SCHEME + " password record");
    }
    Base64.Decoder base64 = Base64.getDecoder();
    return new ServicePassword(
        base64.decode(parts[2].getBytes(StandardCharsets.US_ASCII)),
        Integer.parseInt(parts[1]),
        base64.decode(parts[3].getBytes(StandardCharsets.US_ASCII)));
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  /** A copy of the derived key; a secret, to be kept out of logs. */
  @Override
  public byte[] derivedKey() {
    return derivedKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ServicePassword that
        && iterations == that.iterations
        && Arrays.equals(salt, that.salt)
        && MessageDigest.isEqual(derivedKey, that.derivedKey);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(salt) + iterations;
  }

  /** Shows the iteration count only: salt and key stay out of logs. */
  @Override
  public String toString() {
    return "ServicePassword[" + SCHEME + ", iterations=" + iterations + "]";
  }
}
