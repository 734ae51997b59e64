package org.telco.ledger;

/** Why the ledger refused to open an account, in precedence order. */
public enum AccountRejection {
  /** The id is taken by an account with a different asset, flags or name. */
  EXISTS_WITH_DIFFERENT_FIELDS
}
