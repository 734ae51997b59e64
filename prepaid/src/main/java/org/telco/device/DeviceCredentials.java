package org.telco.device;

import java.util.Base64;
import java.util.random.RandomGenerator;
import org.telco.subscriber.ServicePassword;

/**
 * The secret a device authenticates to the service platform with, and how the operator keeps it:
 * never the secret, only a {@link ServicePassword} record of it derived with a single iteration.
 *
 * <p>Why one iteration: PBKDF2's iterations slow the guessing of a password a person chose; a
 * device secret is {@link #SECRET_BYTES} random bytes (256 bits), which no one guesses however fast
 * each guess is. One PBKDF2-HMAC-SHA256 iteration is a salted HMAC-SHA256 of the secret, which is
 * all that is needed to keep a stolen table from being replayed as credentials, and it lets the
 * service platform check a device on every request without spending 600,000 iterations on it.
 * Reusing {@link ServicePassword} keeps one hashing scheme, one storage format ({@link
 * ServicePassword#encoded()}) and one constant-time comparison in the code base.
 */
public final class DeviceCredentials {
  /** Random bytes in a device secret. */
  public static final int SECRET_BYTES = 32;

  /** PBKDF2 iterations for a device secret: one, see the class comment. */
  public static final int ITERATIONS = 1;

  private DeviceCredentials() {}

  /** A new secret for a device, as Base64url text without padding (43 characters). */
  public static char[] newSecret(RandomGenerator random) {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
  }

  /** What the operator keeps of {@code secret}: its key under a fresh salt from {@code random}. */
  public static ServicePassword hash(char[] secret, RandomGenerator random) {
    byte[] salt = new byte[ServicePassword.SALT_BYTES];
    random.nextBytes(salt);
    return ServicePassword.derive(secret, salt, ITERATIONS);
  }
}
