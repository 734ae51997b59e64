package org.telco.app.charging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The API key of each sponsoring partner, derived from the node's partner key: {@code
 * tk_sponsor_<partner>_<40 hex digits of HMAC-SHA256(node partner key, partner id)>}. Deriving
 * keeps one secret per node in {@code credentials.json} while giving each partner its own key,
 * which opens its own statement only; nodes keep only the keys' hashes, as for every API key.
 */
public final class SponsorKeys {
  /** The caller name a sponsor's key proves: {@code sponsor:<partner id>}. */
  public static final String CALLER_PREFIX = "sponsor:";

  private SponsorKeys() {}

  /** The key of partner {@code partnerId} on a node whose partner key is {@code nodePartnerKey}. */
  public static String of(String nodePartnerKey, String partnerId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(nodePartnerKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(partnerId.getBytes(StandardCharsets.UTF_8));
      return "tk_sponsor_" + partnerId + "_" + HexFormat.of().formatHex(digest).substring(0, 40);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
