package org.telco.app.charging;

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
    return "tk_sponsor_" + partnerId + "_" + KeyDerivation.hex40(nodePartnerKey, partnerId);
  }
}
