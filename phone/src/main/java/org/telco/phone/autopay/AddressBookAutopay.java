package org.telco.phone.autopay;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telco.phone.contacts.AddressBook;
import org.telco.phone.contacts.AddressBookException;
import org.telco.phone.contacts.Contact;
import org.telco.phone.contacts.ContactMark;
import org.telco.phone.contacts.MobileNumber;

/**
 * One run of the agent over an address book file: read every contact's mobile numbers (a broken
 * file stops the run before anything is paid), run the {@link AutopayAgent} over them with a
 * progress bar, mark each contact by what its numbers turned out to be, and write the file back
 * (not on a dry run). The journal lives next to the file, as {@code <file>.autopay.jsonl}; a dry
 * run leaves it alone.
 */
public final class AddressBookAutopay {
  private final NetworkSide network;
  private final AutopaySettings settings;
  private final Clock clock;
  private final PrintStream progress;

  /**
   * Runs paying as {@code settings} say through {@code network}, drawing progress on {@code
   * progress}.
   */
  public AddressBookAutopay(
      NetworkSide network, AutopaySettings settings, Clock clock, PrintStream progress) {
    this.network = network;
    this.settings = settings;
    this.clock = clock;
    this.progress = progress;
  }

  /** The journal file of an address book. */
  public static Path journalOf(Path contacts) {
    return contacts.resolveSibling(contacts.getFileName() + ".autopay.jsonl");
  }

  /**
   * Runs once over {@code contacts}.
   *
   * @return each number's result, contact by contact
   * @throws org.telco.phone.contacts.AddressBookException when the file cannot be parsed; nothing
   *     is paid then
   */
  public List<ContactResult> run(Path contacts) throws IOException, AddressBookException {
    AddressBook book = AddressBook.read(contacts);
    Map<String, List<Contact>> owners = new LinkedHashMap<>();
    for (Contact contact : book.contacts()) {
      for (MobileNumber number : contact.mobiles()) {
        owners.computeIfAbsent(number.msisdn(), n -> new ArrayList<>()).add(contact);
      }
    }
    List<String> numbers = List.copyOf(owners.keySet());
    Map<String, NumberResult> byNumber = new LinkedHashMap<>();
    try (AutopayJournal journal =
        settings.dryRun()
            ? AutopayJournal.forDryRun(clock)
            : AutopayJournal.open(journalOf(contacts), clock)) {
      ProgressBar bar = new ProgressBar(progress, numbers.size());
      new AutopayAgent(network, settings, journal)
          .run(
              numbers,
              result -> {
                byNumber.put(result.msisdn(), result);
                bar.step(result.msisdn() + " " + result.outcome());
              });
      bar.done();
    }
    List<ContactResult> results = new ArrayList<>();
    for (Contact contact : book.contacts()) {
      List<NumberResult> own =
          contact.mobiles().stream().map(n -> byNumber.get(n.msisdn())).toList();
      Optional<ContactMark> mark = markOf(own);
      if (mark.isPresent() && !settings.dryRun()) {
        book.mark(contact, mark.get());
      }
      results.add(new ContactResult(contact.name(), own, mark));
    }
    if (!settings.dryRun()) {
      book.write(contacts);
    }
    return results;
  }

  /**
   * How a contact is marked: normal when one of its numbers is in service now; voluntarily
   * suspended when none is and one was found so; otherwise as it was.
   */
  static Optional<ContactMark> markOf(List<NumberResult> results) {
    boolean normal =
        results.stream()
            .anyMatch(
                r ->
                    r.outcome() == Outcome.ALREADY_NORMAL
                        || r.outcome() == Outcome.REOPENED
                        || r.outcome() == Outcome.REOPENED_AFTER_PLAN_PRICE);
    if (normal) {
      return Optional.of(ContactMark.NORMAL);
    }
    return results.stream().anyMatch(r -> r.outcome() == Outcome.VOLUNTARILY_SUSPENDED)
        ? Optional.of(ContactMark.VOLUNTARILY_SUSPENDED)
        : Optional.empty();
  }

  /**
   * What a run did for one contact.
   *
   * @param name the contact's name
   * @param numbers the result of each of its mobile numbers
   * @param mark the mark it got, if any
   */
  public record ContactResult(
      String name, List<NumberResult> numbers, Optional<ContactMark> mark) {}
}
