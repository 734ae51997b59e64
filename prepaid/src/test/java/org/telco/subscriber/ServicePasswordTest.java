package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ServicePasswordTest {
  private static final byte[] SALT = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @Test
  void derivedKeyIsPbkdf2HmacSha256() {
    // RFC 7914 section 11 / RFC 6070-style vector for PBKDF2-HMAC-SHA256 (first 32 bytes).
    byte[] salt = "saltSALTsaltSALTsaltSALTsaltSALTsalt".getBytes(StandardCharsets.US_ASCII);

    ServicePassword password =
        ServicePassword.derive("passwordPASSWORDpassword".toCharArray(), salt, 4096);

    assertThat(HexFormat.of().formatHex(password.derivedKey()))
        .isEqualTo("348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1");
  }

  @Test
  void matchesOnlyTheSamePassword() {
    ServicePassword password = ServicePassword.derive("k9-Lotus".toCharArray(), SALT, 10);

    assertThat(password.matches("k9-Lotus".toCharArray())).isTrue();
    assertThat(password.matches("k9-lotus".toCharArray())).isFalse();
    assertThat(password.matches("".toCharArray())).isFalse();
  }

  @Test
  void sameSaltAndPasswordDeriveTheSameKeyAndAnotherSaltAnother() {
    ServicePassword first = ServicePassword.derive("482915".toCharArray(), SALT, 10);
    ServicePassword again = ServicePassword.derive("482915".toCharArray(), SALT, 10);
    byte[] otherSalt = SALT.clone();
    otherSalt[0] ^= 1;
    ServicePassword salted = ServicePassword.derive("482915".toCharArray(), otherSalt, 10);

    assertThat(again).isEqualTo(first).hasSameHashCodeAs(first);
    assertThat(salted.derivedKey()).isNotEqualTo(first.derivedKey());
    assertThat(salted).isNotEqualTo(first);
  }

  @Test
  void defaultDerivationUsesTheDefaultIterations() {
    ServicePassword password = ServicePassword.derive("482915".toCharArray(), SALT);

    assertThat(password.iterations()).isEqualTo(ServicePassword.ITERATIONS_DEFAULT);
    assertThat(password.derivedKey()).hasSize(ServicePassword.KEY_BYTES);
  }

  @Test
  void chooseTakesItsSaltFromTheRandomGenerator() {
    ServicePassword first = ServicePassword.choose("482915".toCharArray(), new Random(7));
    ServicePassword same = ServicePassword.choose("482915".toCharArray(), new Random(7));
    ServicePassword other = ServicePassword.choose("482915".toCharArray(), new Random(8));

    assertThat(first.salt()).hasSize(ServicePassword.SALT_BYTES);
    assertThat(same).isEqualTo(first);
    assertThat(other.salt()).isNotEqualTo(first.salt());
    assertThat(first.matches("482915".toCharArray())).isTrue();
  }

  @Test
  void chooseRefusesAPasswordThePolicyRejects() {
    assertThatThrownBy(() -> ServicePassword.choose("123456".toCharArray(), new Random(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SEQUENTIAL_RUN");
  }

  @Test
  void hmacIsKeyedWithTheDerivedKey() throws Exception {
    ServicePassword password = ServicePassword.derive("482915".toCharArray(), SALT, 10);
    byte[] nonce = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(password.derivedKey(), "HmacSHA256"));

    assertThat(password.hmac(nonce)).isEqualTo(mac.doFinal(nonce)).hasSize(32);
    assertThat(password.hmac(new byte[] {1})).isNotEqualTo(password.hmac(nonce));
  }

  @Test
  void encodedFormReadsBackToTheSamePassword() {
    ServicePassword password = ServicePassword.derive("482915".toCharArray(), SALT, 10);

    String encoded = password.encoded();

    assertThat(encoded).startsWith("pbkdf2-sha256$10$");
    assertThat(ServicePassword.parse(encoded)).isEqualTo(password);
    assertThatThrownBy(() -> ServicePassword.parse("md5$1$x$y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stateCannotBeChangedThroughTheArrays() {
    byte[] salt = SALT.clone();
    ServicePassword password = ServicePassword.derive("482915".toCharArray(), salt, 10);

    salt[0] ^= 1;
    password.salt()[1] ^= 1;
    password.derivedKey()[0] ^= 1;

    assertThat(password.salt()).isEqualTo(SALT);
    assertThat(password.matches("482915".toCharArray())).isTrue();
  }

  @Test
  void toStringShowsNeitherSaltNorKey() {
    ServicePassword password = ServicePassword.derive("482915".toCharArray(), SALT, 10);
    String key = HexFormat.of().formatHex(password.derivedKey());

    assertThat(password.toString()).doesNotContain(key).contains("iterations=10");
  }

  @Test
  void recordChecksItsLengths() {
    assertThatThrownBy(() -> new ServicePassword(new byte[7], 1, new byte[32]))
        .hasMessageContaining("salt");
    assertThatThrownBy(() -> new ServicePassword(new byte[8], 0, new byte[32]))
        .hasMessageContaining("iterations");
    assertThatThrownBy(() -> new ServicePassword(new byte[8], 1, new byte[31]))
        .hasMessageContaining("derived key");
  }
}
