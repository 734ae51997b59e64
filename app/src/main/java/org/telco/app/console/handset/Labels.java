package org.telco.app.console.handset;

import java.util.ResourceBundle;

/**
 * The handset simulator's labels for text built in Java, such as a message beside a field, from the
 * same bundle the templates read ({@code console/handset/messages*.properties}).
 */
final class Labels {
  static final String BUNDLE = "console.handset.messages";

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Labels() {}

  /** The label of {@code key} in {@code language}; a missing key fails, as in the templates. */
  static String of(Language language, String key) {
    return ResourceBundle.getBundle(BUNDLE, language.locale(), NO_FALLBACK).getString(key);
  }
}
