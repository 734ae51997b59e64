package org.telco.phone.contacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The sample address books under {@code src/test/resources/vcards}. */
final class VcardFiles {
  static final String ANDROID_21 = "android-2.1.vcf";
  static final String GOOGLE_30 = "google-3.0.vcf";
  static final String RFC_40 = "rfc6350-4.0.vcf";
  static final List<String> ALL = List.of(ANDROID_21, GOOGLE_30, RFC_40);

  private VcardFiles() {}

  static Path path(String name) {
    try {
      return Path.of(
          Objects.requireNonNull(VcardFiles.class.getResource("/vcards/" + name), name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static AddressBook read(String name) {
    try {
      return AddressBook.read(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (AddressBookException e) {
      throw new AssertionError(e);
    }
  }

  static AddressBook parse(String text) {
    try {
      return AddressBook.parse(text, "test.vcf");
    } catch (AddressBookException e) {
      throw new AssertionError(e);
    }
  }
}
