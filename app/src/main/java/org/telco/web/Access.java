package org.telco.web;

/** Who may call an endpoint. */
public enum Access {
  /** Anyone: health and the API description. */
  PUBLIC,
  /** The operator's own staff and tools, with the node's admin API key. */
  ADMIN,
  /** A partner with a partner API key, or an admin. */
  PARTNER,
  /** Another node of the platform, with a signed request. */
  PEER
}
