package org.telco.app.console;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.telco.web.Json;

/**
 * The web console of one node: its logins, sessions and templates, and the guard every console page
 * goes through. A page built with {@link #page} cannot be reached without a live session, a POST to
 * it without the session's CSRF token, or a change without a role allowed to make it, so a new page
 * cannot forget any of these checks (as {@code Endpoints} does for the API).
 */
public final class Console {
  /** Where the console lives on every node. */
  public static final String ROOT = "/console";

  private static final Logger LOG = Logger.getLogger(Console.class.getName());
  private static final String HTML = "text/html; charset=UTF-8";

  private final String node;
  private final ConsoleLogins logins;
  private final ConsoleSessions sessions;
  private final LoginThrottle throttle;
  private final Templates templates = new Templates();
  private final ConsoleAssets assets = new ConsoleAssets();
  private final List<NavLink> navigation;
  private final String home;

  /**
   * The console of {@code node}.
   *
   * @param navigation the pages in the navigation bar, the first one being the home page
   */
  public Console(String node, ConsoleLogins logins, Clock wallClock, List<NavLink> navigation) {
    this.node = node;
    this.logins = logins;
    this.sessions = new ConsoleSessions(wallClock);
    this.throttle = new LoginThrottle(wallClock);
    this.navigation = List.copyOf(navigation);
    this.home = navigation.isEmpty() ? ROOT + "/about" : navigation.getFirst().path();
  }

  /** A handler that runs {@code action} for a logged-in user holding {@code permission}. */
  public Handler page(Permission permission, PageAction action) {
    return (request, response) -> {
      Optional<ConsoleSession> session = sessionOf(request);
      if (session.isEmpty()) {
        toLogin(request, response);
        return;
      }
      try {
        Map<String, String> form = Map.of();
        if (request.prologue().method() == Method.POST) {
          form = FormBody.parse(request.content().as(byte[].class));
          if (!ConsoleSessions.csrfMatches(session.get(), form.get("csrf"))) {
            write(response, session, new Outcome.View(403, "forbidden", Map.of("reason", "csrf")));
            return;
          }
        }
        if (permission == Permission.CHANGE_CATALOGUE
            && !session.get().role().mayChangeCatalogue()) {
          write(response, session, new Outcome.View(403, "forbidden", Map.of("reason", "role")));
          return;
        }
        write(response, session, action.handle(new PageCall(request, session.get(), form)));
      } catch (FormBody.Unreadable e) {
        write(response, session, new Outcome.View(400, "error", Map.of()));
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "console page failed: " + request.path().path(), e);
        write(response, session, new Outcome.View(500, "error", Map.of()));
      }
    };
  }

  /** Writes an outcome; a view is rendered inside the layout with the session's details. */
  void write(ServerResponse response, Optional<ConsoleSession> session, Outcome outcome) {
    switch (outcome) {
      case Outcome.Redirect redirect -> redirect(response, redirect.location());
      case Outcome.Json json -> {
        noStore(response);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(Json.write(json.body()));
      }
      case Outcome.View view -> {
        Map<String, Object> model = new HashMap<>(view.model());
        model.put("node", node);
        model.put("nav", session.isPresent() ? navigation : List.of());
        model.put("user", session.map(ConsoleSession::user).orElse(""));
        model.put("role", session.map(s -> s.role().name().toLowerCase(Locale.ROOT)).orElse(""));
        model.put("csrf", session.map(ConsoleSession::csrfToken).orElse(""));
        model.putIfAbsent("title", "console.title");
        noStore(response);
        response.status(Status.create(view.status()));
        response.header(HeaderNames.CONTENT_TYPE, HTML);
        // Subscriber-facing pages (the handset simulator) choose their language; staff pages are
        // English.
        Locale locale =
            view.model().get("locale") instanceof Locale chosen ? chosen : Locale.ENGLISH;
        response.send(templates.render(view.template(), model, locale));
      }
    }
  }

  /** The session the request's cookie names, if it is live. */
  Optional<ConsoleSession> sessionOf(ServerRequest request) {
    return request
        .headers()
        .first(HeaderNames.COOKIE)
        .flatMap(this::cookieValue)
        .flatMap(sessions::find);
  }

  /** The value of this node's session cookie in a {@code Cookie} header. */
  private Optional<String> cookieValue(String header) {
    for (String part : header.split(";")) {
      String trimmed = part.trim();
      if (trimmed.startsWith(cookieName() + "=")) {
        return Optional.of(trimmed.substring(cookieName().length() + 1));
      }
    }
    return Optional.empty();
  }

  /**
   * The session cookie's name. Browsers keep cookies per host, not per port, so the all-in-one
   * platform's four nodes on one host need a name each.
   */
  String cookieName() {
    return "telco_console_" + node;
  }

  /** A {@code Set-Cookie} value that stores {@code id}, or deletes the cookie when empty. */
  String sessionCookie(String id) {
    String cookie = cookieName() + "=" + id + "; Path=" + ROOT + "; HttpOnly; SameSite=Strict";
    return id.isEmpty() ? cookie + "; Max-Age=0" : cookie;
  }

  /**
   * Sends a visitor without a session to the login page. An htmx request (a polled fragment) gets
   * {@code HX-Redirect} instead of a 303, which its XMLHttpRequest would follow and swap the login
   * page into the fragment.
   */
  private static void toLogin(ServerRequest request, ServerResponse response) {
    if (request.headers().contains(HeaderNames.create("HX-Request"))) {
      noStore(response);
      response.header(HeaderNames.create("HX-Redirect"), ROOT + "/login");
      response.status(Status.OK_200).send();
      return;
    }
    redirect(response, ROOT + "/login");
  }

  static void redirect(ServerResponse response, String location) {
    noStore(response);
    response.status(Status.SEE_OTHER_303);
    response.header(HeaderNames.LOCATION, location);
    response.send();
  }

  /**
   * Console answers are per user and may hold personal data: never cached, never framed, scripts
   * only from the node itself.
   */
  static void noStore(ServerResponse response) {
    response.header(HeaderNames.CACHE_CONTROL, "no-store");
    response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
    response.header(HeaderNames.create("X-Frame-Options"), "DENY");
    response.header(HeaderNames.create("Referrer-Policy"), "same-origin");
    response.header(
        HeaderNames.create("Content-Security-Policy"),
        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
  }

  ConsoleLogins logins() {
    return logins;
  }

  ConsoleSessions sessions() {
    return sessions;
  }

  LoginThrottle throttle() {
    return throttle;
  }

  ConsoleAssets assets() {
    return assets;
  }

  /** The page a logged-in user lands on. */
  String home() {
    return home;
  }
}
