package org.telco.app.console.handset;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.telco.app.console.Amounts;
import org.telco.app.console.Outcome;
import org.telco.app.console.PageCall;
import org.telco.phone.autopay.AddressBookAutopay;
import org.telco.phone.autopay.AddressBookAutopay.ContactResult;
import org.telco.phone.autopay.AutopaySettings;
import org.telco.phone.autopay.HttpNetworkSide;
import org.telco.phone.autopay.NumberResult;
import org.telco.phone.contacts.AddressBookException;

/**
 * Flow F2 from the phone: the address-book agent ({@code org.telco.phone.autopay}, docs/phone.md)
 * run once over a vCard the user uploads, paying as this number. The agent works on a file, so the
 * card is written to a fresh temporary directory, run over, read back with its marks and deleted
 * with the agent's journal. The agent talks to the operators over HTTP with the partner keys,
 * exactly as {@code telco phone autopay} does.
 */
public final class AutopayPage {
  /** The most the simulator pays one number, and one run, in fen: a demo, not a wallet. */
  static final long CAP_FEN = 20_000;

  private final Network network;
  private final HandsetSimulatorRoutes pages;

  /**
   * Where the agent pays through.
   *
   * @param homeUrl the user's own operator's URL
   * @param homeOperator its id
   * @param partnerKeys every operator's partner key, by operator id
   */
  public record Network(
      Supplier<String> homeUrl, String homeOperator, Map<String, String> partnerKeys) {}

  AutopayPage(Network network, HandsetSimulatorRoutes pages) {
    this.network = network;
    this.pages = pages;
  }

  Outcome run(PageCall call) {
    String msisdn = call.pathParameter("msisdn");
    Language language = Language.of(call);
    FieldErrors errors = new FieldErrors(language);
    String vcard = call.field("vcard");
    OptionalLong preset = fen(call.field("presetFen"));
    OptionalLong amount = fen(call.field("amountFen"));
    if (vcard.isBlank()) {
      errors.reject("vcard", "handset.error.vcard");
    }
    if (preset.isEmpty()) {
      errors.reject("presetFen", "handset.error.yuan");
    }
    if (amount.isEmpty()) {
      errors.reject("amountFen", "handset.error.yuan");
    }
    if (errors.any()) {
      return refused(call, msisdn, language, errors);
    }
    AutopaySettings settings =
        new AutopaySettings(
            msisdn,
            preset.getAsLong(),
            amount.getAsLong(),
            CAP_FEN,
            CAP_FEN,
            "on".equals(call.field("dryRun")));
    try {
      Ran ran = runOver(vcard, settings);
      Map<String, Object> model = HandsetSimulatorRoutes.base(language, "handset.autopay.title");
      model.put("msisdn", msisdn);
      model.put("rows", rows(ran.results()));
      model.put("written", ran.written());
      model.put("dryRun", settings.dryRun());
      return Outcome.View.ok("handset/autopay", model);
    } catch (AddressBookException e) {
      return refused(
          call,
          msisdn,
          language,
          errors.reject("vcard", "handset.error.vcardBroken", e.getMessage()));
    }
  }

  /** What one run paid, and the address book as written back (unchanged on a dry run). */
  private record Ran(List<ContactResult> results, String written) {}

  private Ran runOver(String vcard, AutopaySettings settings) throws AddressBookException {
    Path directory = null;
    try {
      directory = Files.createTempDirectory("telco-autopay");
      Path contacts = directory.resolve("contacts.vcf");
      Files.writeString(contacts, vcard, StandardCharsets.UTF_8);
      AddressBookAutopay agent =
          new AddressBookAutopay(
              new HttpNetworkSide(
                  network.homeUrl().get(), network.homeOperator(), network.partnerKeys()),
              settings,
              Clock.systemUTC(),
              new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
      List<ContactResult> results = agent.run(contacts);
      return new Ran(results, Files.readString(contacts, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run the address-book agent", e);
    } finally {
      delete(directory);
    }
  }

  private static List<Map<String, Object>> rows(List<ContactResult> results) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ContactResult contact : results) {
      String mark = contact.mark().map(m -> m.name()).orElse("");
      for (NumberResult n : contact.numbers()) {
        rows.add(
            Map.of(
                "name", contact.name(),
                "msisdn", n.msisdn(),
                "operator", n.operatorId(),
                "outcome", n.outcome().name(),
                "paid", Amounts.yuan(n.paidFen()),
                "refunded", Amounts.yuan(n.refundedFen()),
                "mark", mark));
      }
    }
    return rows;
  }

  private Outcome refused(PageCall call, String msisdn, Language language, FieldErrors errors) {
    Map<String, Object> model = pages.phoneModel(msisdn, language);
    model.put("errors", errors.asMap());
    model.put("typed", HandsetSimulatorRoutes.typedFields(call.form()));
    return new Outcome.View(400, "handset/phone", model);
  }

  /** Yuan as typed ("5", "5.5", "5.50"), at most 200.00, in fen; empty when not such an amount. */
  static OptionalLong fen(String typed) {
    String yuan = typed.trim();
    if (!yuan.matches("[0-9]{1,3}(\\.[0-9]{1,2})?")) {
      return OptionalLong.empty();
    }
    int dot = yuan.indexOf('.');
    String whole = dot < 0 ? yuan : yuan.substring(0, dot);
    String cents = dot < 0 ? "00" : (yuan.substring(dot + 1) + "0").substring(0, 2);
    long fen = Long.parseLong(whole) * 100 + Long.parseLong(cents);
    return fen > 0 && fen <= CAP_FEN ? OptionalLong.of(fen) : OptionalLong.empty();
  }

  private static void delete(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the agent's temporary files", e);
    }
  }
}
