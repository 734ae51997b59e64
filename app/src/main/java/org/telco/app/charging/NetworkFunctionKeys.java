package org.telco.app.charging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The API key of the operator's 5G core network functions (the SMF) for its charging function,
 * derived from the node's admin key: {@code tk_nf_<node>_<40 hex digits of HMAC-SHA256(admin key,
 * "network-function")>}. An SMF configured with it charges sessions over Nchf and can do nothing
 * else on the node, where the admin key would let it change any subscriber; deriving keeps one
 * secret per node in {@code credentials.json}, and whoever holds the admin key can hand it out.
 */
public final class NetworkFunctionKeys {
  /** The caller name the key proves. */
  public static final String CALLER = "network-function";

  private NetworkFunctionKeys() {}

  /** The network-function key of node {@code node} whose admin key is {@code adminKey}. */
  public static String of(String node, String adminKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(adminKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(CALLER.getBytes(StandardCharsets.UTF_8));
      return "tk_nf_" + node + "_" + HexFormat.of().formatHex(digest).substring(0, 40);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
