package org.telco.app.console;

/** What a console route needs of the logged-in user. */
public enum Permission {
  /** Any console user: admins and care. */
  VIEW,
  /** Only a role that may change the catalogue ({@link Role#mayChangeCatalogue()}). */
  CHANGE_CATALOGUE
}
