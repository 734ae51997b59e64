package org.telco.app.console;

/**
 * An entry of the console's navigation bar.
 *
 * @param path where it leads
 * @param label the message key of its label
 */
public record NavLink(String path, String label) {}
