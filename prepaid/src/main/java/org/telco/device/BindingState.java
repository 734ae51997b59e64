package org.telco.device;

/** Where a binding stands. A binding never comes back: binding again makes a new one. */
public enum BindingState {
  /** Purchases on the device are charged to the payer. */
  ACTIVE,
  /** Ended by the payer; its token charges nothing any more. */
  UNBOUND
}
