package org.telco.phone.porting;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The terminal's half of the porting challenge (flow F4): the key derived from the service password
 * its owner types, with the salt and iteration count the donor gave (PBKDF2-HMAC-SHA256, 256 bits),
 * and the HMAC-SHA256 of the nonce under it. The donor computes the same from the key it stores, so
 * equal results show the owner knew the password without the password leaving the phone.
 */
public final class PortingKey {
  private final byte[] key;

  private PortingKey(byte[] key) {
    this.key = key;
  }

  /**
   * Derives the key. The password array is left to the caller to wipe.
   *
   * @param salt the donor's salt for the number
   * @param iterations the donor's PBKDF2 iteration count
   */
  public static PortingKey derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
    try {
      return new PortingKey(
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** The result for {@code nonce}: HMAC-SHA256 under the key, in lower-case hex. */
  public String resultFor(byte[] nonce) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(nonce));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Wipes the key; the object is useless afterwards. */
  public void forget() {
    Arrays.fill(key, (byte) 0);
  }

  /** Hides the key. */
  @Override
  public String toString() {
    return "PortingKey[hidden]";
  }
}
