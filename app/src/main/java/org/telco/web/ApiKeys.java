package org.telco.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The API keys a node accepts, kept only as SHA-256 hashes: a leaked configuration does not reveal
 * a usable key. Keys are long random strings, so a plain hash is enough (no slow password hash is
 * needed, unlike for human passwords).
 */
public final class ApiKeys {
  private static final MessageDigest SHA_256 = prototype();

  private final Map<String, Caller> callersByHash;

  /**
   * Keys by their hash.
   *
   * @param callersByHash hex SHA-256 of each key and who holds it
   */
  public ApiKeys(Map<String, Caller> callersByHash) {
    this.callersByHash = Map.copyOf(callersByHash);
  }

  /** The hex SHA-256 of a key, as stored. */
  public static String hash(String key) {
    byte[] digest = freshDigest().digest(key.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }

  /**
   * A SHA-256 digest cloned from a prototype. Every authenticated request hashes its key, and
   * looking the algorithm up among the security providers each time ({@code
   * MessageDigest.getInstance}) cost eight times the hashing itself. A provider whose digests
   * cannot be cloned (some hardware or FIPS providers) is asked for a new one each time.
   */
  private static MessageDigest freshDigest() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      return prototype();
    }
  }

  private static MessageDigest prototype() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Who holds the key in an {@code Authorization: Bearer} header, if anyone. */
  public Optional<Caller> holderOf(Optional<String> authorization) {
    if (authorization.isEmpty() || !authorization.get().startsWith("Bearer ")) {
      return Optional.empty();
    }
    String presented = authorization.get().substring("Bearer ".length()).trim();
    return Optional.ofNullable(callersByHash.get(hash(presented)));
  }
}
