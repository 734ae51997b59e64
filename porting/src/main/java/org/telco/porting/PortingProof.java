package org.telco.porting;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.telco.subscriber.ServicePassword;

/**
 * HMAC-SHA256 over a {@link PortingNonce}, keyed with the PBKDF2 key derived from the number's
 * service password: what the terminal computes from the password its owner types, and what the
 * donor computes from the key it stores ({@link ServicePassword#hmac}). Equal proofs show the
 * terminal knew the password, which never left it and is never stored in clear.
 *
 * @param bytes the 32-byte MAC
 */
public record PortingProof(byte[] bytes) {
  /** Length of a proof: one SHA-256 output. */
  public static final int BYTES = 32;

  /** Checks the length and copies the bytes. */
  public PortingProof {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("a proof has " + BYTES + " bytes, not " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /** The donor's proof for {@code nonce}, from the key it keeps of the number's password. */
  public static PortingProof of(ServicePassword password, PortingNonce nonce) {
    return new PortingProof(password.hmac(nonce.bytes()));
  }

  /** The proof in {@code hex} (64 hexadecimal digits, any case), if it is one. */
  public static Optional<PortingProof> parse(String hex) {
    if (hex == null || hex.length() != BYTES * 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PortingProof(HexFormat.of().parseHex(hex)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code other} is the same proof, compared in constant time: how long the comparison
   * takes says nothing of how many leading bytes a guess got right.
   */
  public boolean matches(PortingProof other) {
    return MessageDigest.isEqual(bytes, other.bytes);
  }

  /** Lower-case hex: how it travels in JSON. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PortingProof proof && Arrays.equals(bytes, proof.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Hides the value: a proof is a one-time credential until it is used. */
  @Override
  public String toString() {
    return "PortingProof[hidden]";
  }
}
