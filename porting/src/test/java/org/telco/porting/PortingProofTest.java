package org.telco.porting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.ServicePassword;

class PortingProofTest {
  private static final byte[] SALT = "sixteen-byte-slt".getBytes(StandardCharsets.US_ASCII);

  @Test
  void theDonorsProofIsTheHmacATerminalComputesFromThePasswordAndTheSalt() throws Exception {
    ServicePassword stored = ServicePassword.derive("Kx7-pw19q".toCharArray(), SALT, 1_000);
    PortingNonce nonce = PortingNonce.issue(new Random(3));

    byte[] key =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec("Kx7-pw19q".toCharArray(), SALT, 1_000, 256))
            .getEncoded();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    PortingProof terminal = new PortingProof(mac.doFinal(nonce.bytes()));

    assertThat(PortingProof.of(stored, nonce).matches(terminal)).isTrue();
    ServicePassword wrong = ServicePassword.derive("Kx7-pw19Q".toCharArray(), SALT, 1_000);
    assertThat(PortingProof.of(wrong, nonce).matches(terminal)).isFalse();
    assertThat(PortingProof.of(stored, PortingNonce.issue(new Random(4))).matches(terminal))
        .isFalse();
  }

  @Test
  void proofsAndNoncesTravelAsTextAndBackAndBadTextIsEmpty() {
    PortingNonce nonce = PortingNonce.issue(new Random(5));
    PortingProof proof = PortingProof.of(ServicePassword.derive("x".toCharArray(), SALT, 1), nonce);

    assertThat(PortingNonce.parse(nonce.text())).contains(nonce);
    assertThat(nonce.text()).matches("[A-Za-z0-9_-]{43}");
    assertThat(PortingProof.parse(proof.hex())).contains(proof);
    assertThat(PortingProof.parse(proof.hex().toUpperCase(java.util.Locale.ROOT))).contains(proof);
    assertThat(PortingProof.parse(proof.hex().substring(2))).isEmpty();
    assertThat(PortingProof.parse("zz" + proof.hex().substring(2))).isEmpty();
    assertThat(PortingProof.parse(null)).isEmpty();
    assertThat(PortingNonce.parse("not base64!")).isEmpty();
    assertThat(PortingNonce.parse("c2hvcnQ")).isEmpty();
    assertThat(proof.toString()).doesNotContain(proof.hex());
    assertThatThrownBy(() -> new PortingProof(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
