package org.telco.app.console.handset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.telco.app.console.NodeApi;
import org.telco.app.console.NodeApi.Key;
import org.telco.app.console.Outcome;
import org.telco.app.console.PageCall;

/**
 * A simulated TV box of flow F3 (docs/devices.md): the operator registers a box with its data SIM,
 * the box powers on and asks the service platform, with its own credential, whether number-bound
 * payment is active; when not, its screen shows the binding prompt. The screen is polled, so once
 * the payer's phone texts the prompt's SMS it turns to "bound" by itself. The box never learns the
 * paying number, and the screen never shows the token of the activation SMS.
 *
 * <p>The boxes' secrets live in this object's memory only, as a real box keeps its own in flash: a
 * restart of the node forgets the simulated boxes (register a new one).
 */
final class TvBoxPages {
  private static final List<String> FIELDS = List.of("deviceId", "dataSim");

  private final NodeApi api;
  private final Map<String, String> secrets = new ConcurrentHashMap<>();

  TvBoxPages(NodeApi api) {
    this.api = api;
  }

  Outcome start(PageCall call) {
    return startPage(Language.of(call), new FieldErrors(Language.of(call)), Map.of(), 200);
  }

  /** Registers the box with the operator and keeps its secret, then shows its screen. */
  Outcome powerOn(PageCall call) {
    Language language = Language.of(call);
    String deviceId = call.field("deviceId").trim().toUpperCase(java.util.Locale.ROOT);
    String dataSim = call.field("dataSim").trim();
    FieldErrors errors = new FieldErrors(language);
    if (!deviceId.matches("[A-Z0-9][A-Z0-9-]{3,31}")) {
      errors.reject("deviceId", "handset.error.deviceId");
    }
    if (!dataSim.matches("[0-9]{8,15}")) {
      errors.reject("dataSim", "handset.error.msisdn");
    }
    if (errors.any()) {
      return startPage(language, errors, call.form(), 400);
    }
    if (!secrets.containsKey(deviceId)) {
      NodeApi.Answer registered =
          api.post("/devices", Key.ADMIN, Map.of("deviceId", deviceId, "dataSim", dataSim));
      if (!registered.ok()) {
        return startPage(
            language, errors.refused(registered, FIELDS), call.form(), registered.status());
      }
      secrets.put(deviceId, registered.body().path("secret").asText());
    }
    return new Outcome.Redirect(
        HandsetSimulatorRoutes.ROOT + "/tvbox/" + deviceId + "?lang=" + language.tag());
  }

  /** The box's screen: the prompt or the bound state, polled through {@link #status}. */
  Outcome screen(PageCall call) {
    return screenOrFragment(call, "handset/tvbox");
  }

  /** The polled part of the screen. */
  Outcome status(PageCall call) {
    return screenOrFragment(call, "handset/tvbox-status");
  }

  private Outcome screenOrFragment(PageCall call, String template) {
    Language language = Language.of(call);
    String deviceId = call.pathParameter("deviceId");
    Optional<JsonNode> status = ask(deviceId);
    if (status.isEmpty()) {
      return new Outcome.View(404, "not-found", Map.of("what", deviceId));
    }
    JsonNode prompt = status.get().path("prompt");
    Map<String, Object> model = HandsetSimulatorRoutes.base(language, "handset.tvbox.title");
    model.put("deviceId", deviceId);
    model.put("bound", status.get().path("bound").asBoolean());
    model.put("boundAt", status.get().path("boundAt").asText(""));
    model.put("shortCode", prompt.path("shortCode").asText(""));
    model.put("text", prompt.path("text").asText(""));
    model.put("message", prompt.path("message").asText(""));
    return Outcome.View.ok(template, model);
  }

  /** What the service platform tells the box, asked with the box's credential. */
  private Optional<JsonNode> ask(String deviceId) {
    String secret = secrets.get(deviceId);
    if (secret == null) {
      return Optional.empty();
    }
    NodeApi.Answer answer =
        api.getWithAuthorization(
            "/devices/" + deviceId + "/binding", "Device " + deviceId + ":" + secret);
    return answer.status() == 200 ? Optional.of(answer.body()) : Optional.empty();
  }

  private Outcome startPage(
      Language language, FieldErrors errors, Map<String, String> form, int status) {
    Map<String, Object> model = HandsetSimulatorRoutes.base(language, "handset.tvbox.title");
    model.put("errors", errors.asMap());
    model.put("typed", HandsetSimulatorRoutes.typedFields(form));
    model.put("boxes", List.copyOf(new java.util.TreeSet<>(secrets.keySet())));
    return new Outcome.View(
        status == 200 || status / 100 == 4 ? status : 400, "handset/tvbox-start", model);
  }
}
