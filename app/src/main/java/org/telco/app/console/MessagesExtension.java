package org.telco.app.console;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Adds {@code t("key")} to the console's templates: the label of {@code key} in the console's
 * message bundle, in the locale the page is rendered in. A missing key fails the page, so a typo
 * shows up in the first test that renders it.
 */
final class MessagesExtension extends AbstractExtension {
  @Override
  public Map<String, Function> getFunctions() {
    return Map.of("t", new Label());
  }

  /**
   * The handset simulator and the clearinghouse console keep their labels in bundles of their own
   * ({@code console/handset/messages*.properties}, {@code console/clearinghouse/...}), named by the
   * key's first word; the default locale never stands in for a missing language.
   */
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  static String bundleOf(String key) {
    if (key.startsWith("handset.")) {
      return "console.handset.messages";
    }
    return key.startsWith("clearinghouse.") ? "console.clearinghouse.messages" : Templates.MESSAGES;
  }

  private static final class Label implements Function {
    @Override
    public List<String> getArgumentNames() {
      return List.of("key");
    }

    @Override
    public Object execute(
        Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
      String key = String.valueOf(args.get("key"));
      ResourceBundle bundle =
          ResourceBundle.getBundle(bundleOf(key), context.getLocale(), NO_FALLBACK);
      try {
        return bundle.getString(key);
      } catch (MissingResourceException e) {
        throw new IllegalStateException(
            "no label " + key + " in " + Templates.MESSAGES + " (line " + lineNumber + ")", e);
      }
    }
  }
}
