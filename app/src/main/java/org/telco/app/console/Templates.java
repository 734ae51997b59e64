package org.telco.app.console;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The console's Pebble templates, read from {@code console/templates/} on the classpath and cached
 * once compiled. Output is HTML-escaped unless a template says otherwise, and every label comes
 * from the {@code console.messages} bundle through {@code t("key")} ({@link MessagesExtension}), so
 * a page can be rendered in another language by adding a bundle and passing its locale.
 */
public final class Templates {
  /** The message bundle every template reads its labels from. */
  public static final String MESSAGES = "console.messages";

  private final PebbleEngine engine;

  /** The templates on the classpath. */
  public Templates() {
    ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
    loader.setPrefix("console/templates");
    loader.setSuffix(".peb");
    this.engine =
        new PebbleEngine.Builder()
            .loader(loader)
            .strictVariables(true)
            .extension(new MessagesExtension())
            .defaultLocale(Locale.ENGLISH)
            .build();
  }

  /** Renders {@code template} with {@code model} in {@code locale}. */
  public String render(String template, Map<String, Object> model, Locale locale) {
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(template).evaluate(out, model, locale);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + template, e);
    }
    return out.toString();
  }
}
