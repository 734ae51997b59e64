package org.telco.device;

/** How a binding was ended, kept with it. */
public enum UnbindChannel {
  /** {@code UNBIND <device id>} texted from the paying phone. */
  SMS,
  /** Through the operator's API (customer care, self-service). */
  API
}
