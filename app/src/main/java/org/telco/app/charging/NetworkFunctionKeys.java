package org.telco.app.charging;

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
    return "tk_nf_" + node + "_" + KeyDerivation.hex40(adminKey, CALLER);
  }
}
