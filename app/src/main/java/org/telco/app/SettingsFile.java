package org.telco.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A feature's settings file in the data directory: read strictly (an unknown field is an error, so
 * a typo is not silently ignored), and written with the defaults on first start so there is a file
 * to edit.
 */
public final class SettingsFile {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private SettingsFile() {}

  /**
   * The settings in {@code file}, or {@code defaults} written to it when it does not exist.
   *
   * @throws IllegalArgumentException when the settings' own checks refuse a value, naming the file
   */
  public static <T> T loadOrCreate(Path file, Class<T> type, T defaults) throws IOException {
    if (!Files.exists(file)) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      MAPPER.writeValue(file.toFile(), defaults);
    }
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (ValueInstantiationException e) {
      throw new IllegalArgumentException(file + ": " + e.getCause().getMessage(), e);
    }
  }
}
