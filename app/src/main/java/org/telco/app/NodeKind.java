package org.telco.app;

/** What a node does on the platform. */
public enum NodeKind {
  /** The national number-portability clearinghouse. */
  CLEARINGHOUSE,
  /** A mobile operator or MVNO. */
  OPERATOR
}
