package org.telco.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an SMS to the binding short code asks for: {@code BIND <device id>} or {@code UNBIND <device
 * id>}, the keyword in any case, words separated by any blanks (full-width and no-break spaces
 * included, as Chinese handsets send them). Anything else is {@link Malformed}, carrying the help
 * to reply with; parsing never throws, since the text is whatever a person typed.
 */
public sealed interface BindingCommand {
  /** Bind the device to the number that sent the SMS. */
  record Bind(DeviceId deviceId) implements BindingCommand {
    /** Requires the device. */
    public Bind {
      Objects.requireNonNull(deviceId, "deviceId");
    }
  }

  /** End the device's binding to the number that sent the SMS. */
  record Unbind(DeviceId deviceId) implements BindingCommand {
    /** Requires the device. */
    public Unbind {
      Objects.requireNonNull(deviceId, "deviceId");
    }
  }

  /** Not a command; {@code reply} says how to write one. */
  record Malformed(String reply) implements BindingCommand {
    /** Requires the reply. */
    public Malformed {
      Objects.requireNonNull(reply, "reply");
    }
  }

  /** The command in {@code smsText}; null or anything unreadable is {@link Malformed}. */
  static BindingCommand parse(String smsText) {
    if (smsText == null) {
      return new Malformed(BindingReplies.HELP);
    }
    List<String> words = new ArrayList<>();
    // Blanks between words: Java's \s and every Unicode space separator (\p{Z}).
    for (String word : smsText.split("[\\s\\p{Z}]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    if (words.size() != 2) {
      return new Malformed(BindingReplies.HELP);
    }
    Optional<DeviceId> deviceId = DeviceId.parse(words.get(1));
    if (deviceId.isEmpty()) {
      return new Malformed(BindingReplies.HELP);
    }
    // equalsIgnoreCase would take the dotless "bınd" for BIND; only ASCII letters are compared.
    String keyword = words.get(0);
    if (isAscii(keyword) && keyword.equalsIgnoreCase("BIND")) {
      return new Bind(deviceId.get());
    }
    if (isAscii(keyword) && keyword.equalsIgnoreCase("UNBIND")) {
      return new Unbind(deviceId.get());
    }
    return new Malformed(BindingReplies.HELP);
  }

  private static boolean isAscii(String text) {
    return text.chars().allMatch(c -> c < 0x80);
  }
}
