package org.telco.phone.porting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PortingKeyTest {
  private static final byte[] SALT = "sixteen-byte-slt".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KNOWN_KEY =
      HexFormat.of().parseHex("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");

  @Test
  void theResultIsTheKnownHmacOfThePbkdf2Key() throws Exception {
    // The published PBKDF2-HMAC-SHA256 test vector: "password", "salt", 1 iteration, 32 bytes.
    PortingKey key =
        PortingKey.derive("password".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1);
    byte[] nonce = "nonce".getBytes(StandardCharsets.US_ASCII);

    String result = key.resultFor(nonce);

    assertThat(result).isEqualTo(hmac(KNOWN_KEY, nonce));
    assertThat(
            PortingKey.derive(
                    "password".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1)
                .resultFor(nonce))
        .isEqualTo(result);
    assertThat(
            PortingKey.derive(
                    "passworD".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1)
                .resultFor(nonce))
        .isNotEqualTo(result);
    assertThat(PortingKey.derive("password".toCharArray(), SALT, 1).resultFor(nonce))
        .isNotEqualTo(result);
    assertThat(key.resultFor("other".getBytes(StandardCharsets.US_ASCII))).isNotEqualTo(result);
    assertThat(key.toString()).doesNotContain(result);
  }

  private static String hmac(byte[] key, byte[] message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message));
  }
}
