package org.telco.app.console;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What every node's console serves under {@link Console#ROOT}: the login page, login and logout,
 * the assets, and the way home. A wrong login answers the login page again with 401; its log line
 * names the user, never the password. Repeated wrong logins are throttled ({@link LoginThrottle}):
 * 429 and the login page, the password not even checked.
 */
public final class ConsoleRoutes implements HttpService {
  private static final Logger LOG = Logger.getLogger(ConsoleRoutes.class.getName());

  private final Console console;

  /** The routes of {@code console}. */
  public ConsoleRoutes(Console console) {
    this.console = console;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", (request, response) -> Console.redirect(response, console.home()))
        .get("/login", this::loginPage)
        .post("/login", this::login)
        .post("/logout", this::logout)
        .get("/assets/{name}", this::asset)
        .get("/about", console.page(Permission.VIEW, call -> Outcome.View.ok("about", Map.of())));
  }

  private void loginPage(ServerRequest request, ServerResponse response) {
    if (console.sessionOf(request).isPresent()) {
      Console.redirect(response, console.home());
      return;
    }
    console.write(response, Optional.empty(), loginView(200, "", ""));
  }

  private void login(ServerRequest request, ServerResponse response) {
    Map<String, String> form;
    try {
      form = FormBody.parse(request.content().as(byte[].class));
    } catch (FormBody.Unreadable e) {
      console.write(response, Optional.empty(), loginView(400, "", "login.malformed"));
      return;
    }
    String user = form.getOrDefault("user", "").trim();
    String password = form.getOrDefault("password", "");
    String address = request.remotePeer().host();
    if (!console.throttle().allows(user, address)) {
      LOG.warning(
          () -> "console login throttled for user '" + printable(user) + "' from " + address);
      console.write(response, Optional.empty(), loginView(429, user, "login.throttled"));
      return;
    }
    Optional<Role> role =
        user.isEmpty() || password.isEmpty()
            ? Optional.empty()
            : console.logins().check(user, password);
    if (role.isEmpty()) {
      console.throttle().failed(user, address);
      LOG.info(() -> "console login refused for user '" + printable(user) + "'");
      console.write(response, Optional.empty(), loginView(401, user, "login.refused"));
      return;
    }
    console.throttle().succeeded(user);
    ConsoleSession session = console.sessions().open(user, role.get());
    LOG.info(() -> "console login of '" + user + "' as " + role.get());
    response.header(HeaderNames.SET_COOKIE, console.sessionCookie(session.id()));
    Console.redirect(response, console.home());
  }

  /** Ends the session (the form must carry its CSRF token) and clears the cookie. */
  private void logout(ServerRequest request, ServerResponse response) {
    Optional<ConsoleSession> session = console.sessionOf(request);
    if (session.isPresent()) {
      Map<String, String> form;
      try {
        form = FormBody.parse(request.content().as(byte[].class));
      } catch (FormBody.Unreadable e) {
        form = Map.of(); // no token in it, so the check below refuses it
      }
      if (!ConsoleSessions.csrfMatches(session.get(), form.get("csrf"))) {
        console.write(
            response, session, new Outcome.View(403, "forbidden", Map.of("reason", "csrf")));
        return;
      }
      console.sessions().close(session.get().id());
    }
    response.header(HeaderNames.SET_COOKIE, console.sessionCookie(""));
    Console.redirect(response, Console.ROOT + "/login");
  }

  private void asset(ServerRequest request, ServerResponse response) {
    String name = request.path().pathParameters().get("name");
    Optional<ConsoleAssets.Asset> asset = console.assets().find(name);
    if (asset.isEmpty()) {
      response.status(404).send();
      return;
    }
    response.header(HeaderNames.CONTENT_TYPE, asset.get().contentType());
    response.header(HeaderNames.CACHE_CONTROL, "max-age=3600");
    response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
    response.send(console.assets().bytes(asset.get()));
  }

  private static Outcome.View loginView(int status, String user, String error) {
    return new Outcome.View(
        status, "login", Map.of("title", "login.title", "typedUser", user, "error", error));
  }

  /** The user name as typed, cut short and without control characters, for a log line. */
  private static String printable(String user) {
    String cleaned = user.replaceAll("\\p{Cntrl}", "?");
    return cleaned.length() > 40 ? cleaned.substring(0, 40) + "..." : cleaned;
  }
}
