package org.telco.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An application allowed to bind to the SMS centre over SMPP: a bank, a content provider, the
 * platform's own test clients. The password is kept as a salted SHA-256 digest: SMPP passwords are
 * at most 8 characters, generated at random, and checked on every bind.
 *
 * @param systemId the SMPP system_id, 1-15 characters
 * @param passwordDigest {@code sha256$<salt hex>$<digest hex>}
 * @param allowedSources source addresses it may send from: exact addresses, or prefixes ending in
 *     {@code *}; a lone {@code *} allows any
 * @param perSecond submit_sm it may send per second; more are answered ESME_RTHROTTLED
 * @param receiverShortCodes short codes whose messages it receives when bound as receiver
 */
public record EsmeAccount(
    String systemId,
    String passwordDigest,
    List<String> allowedSources,
    int perSecond,
    List<String> receiverShortCodes) {
  private static final Pattern SYSTEM_ID = Pattern.compile("[A-Za-z0-9_.-]{1,15}");

  /** Checks every field. */
  public EsmeAccount {
    if (systemId == null || !SYSTEM_ID.matcher(systemId).matches()) {
      throw new IllegalArgumentException("system_id must be 1-15 of A-Z a-z 0-9 _ . -");
    }
    Objects.requireNonNull(passwordDigest, "passwordDigest");
    allowedSources = List.copyOf(allowedSources);
    receiverShortCodes = List.copyOf(receiverShortCodes);
    if (perSecond < 1) {
      throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
    }
  }

  /** An account whose password is digested here with {@code salt}. */
  public static EsmeAccount withPassword(
      String systemId,
      String password,
      byte[] salt,
      List<String> allowedSources,
      int perSecond,
      List<String> receiverShortCodes) {
    return new EsmeAccount(
        systemId,
        "sha256$" + HexFormat.of().formatHex(salt) + "$" + digest(salt, password),
        allowedSources,
        perSecond,
        receiverShortCodes);
  }

  /** Whether {@code password} is this account's, compared in constant time. */
  public boolean passwordMatches(String password) {
    String[] parts = passwordDigest.split("\\$");
    if (parts.length != 3 || password == null) {
      return false;
    }
    byte[] salt = HexFormat.of().parseHex(parts[1]);
    return MessageDigest.isEqual(
        parts[2].getBytes(StandardCharsets.US_ASCII),
        digest(salt, password).getBytes(StandardCharsets.US_ASCII));
  }

  /** Whether it may send from {@code source}. */
  public boolean maySendFrom(String source) {
    for (String allowed : allowedSources) {
      if (allowed.endsWith("*")
          ? source.startsWith(allowed.substring(0, allowed.length() - 1))
          : source.equals(allowed)) {
        return true;
      }
    }
    return false;
  }

  private static String digest(byte[] salt, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
