package org.telco.app.console;

/**
 * What a console user may do. Care staff look subscribers up and answer their questions; only
 * admins change what the operator sells. The server checks the role on every change, whatever the
 * page showed.
 */
public enum Role {
  /** The operator's staff who configure plans and products. */
  ADMIN,
  /** Customer care: sees everything, changes no catalogue. */
  CARE;

  /** Whether this role may change plans and traffic products. */
  public boolean mayChangeCatalogue() {
    return this == ADMIN;
  }
}
