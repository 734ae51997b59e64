package org.telco.web;

/** Who may call an endpoint. */
public enum Access {
  /** Anyone: health and the API description. */
  PUBLIC,
  /** The operator's own staff and tools, with the node's admin API key. */
  ADMIN,
  /** A partner with a partner API key, or an admin. */
  PARTNER,
  /**
   * A sponsor of directed traffic with its own key, or an admin: the sponsor's own usage statement
   * and nothing else (a sponsor key does not open the partner endpoints).
   */
  SPONSOR,
  /**
   * A network function of the operator's 5G core (the SMF) with the network-function key, or an
   * admin: the Nchf charging service and nothing else.
   */
  NETWORK_FUNCTION,
  /** Another node of the platform, with a signed request. */
  PEER
}
