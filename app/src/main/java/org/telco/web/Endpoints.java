package org.telco.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns {@link Endpoint}s into Helidon handlers: reads the body, checks the caller against the
 * endpoint's {@link Access}, and writes the reply as JSON or the failure as problem+json. Every
 * route of every node goes through here, so authentication and error format cannot be forgotten on
 * one of them.
 */
public final class Endpoints {
  private static final Logger LOG = Logger.getLogger(Endpoints.class.getName());
  private static final String JSON = "application/json";
  private static final String PROBLEM_JSON = "application/problem+json";

  private final ApiKeys apiKeys;
  private final PeerVerifier peers;

  /** Endpoints authenticated with these keys and peers. */
  public Endpoints(ApiKeys apiKeys, PeerVerifier peers) {
    this.apiKeys = apiKeys;
    this.peers = peers;
  }

  /** A handler that lets {@code access} callers reach the endpoint. */
  public Handler handler(Access access, Endpoint endpoint) {
    return (request, response) -> {
      try {
        byte[] body =
            request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0];
        Caller caller = authenticate(access, request, body);
        Reply reply = endpoint.handle(new Call(request, body, caller));
        write(response, reply);
      } catch (ProblemException e) {
        writeProblem(response, e.problem());
      } catch (RuntimeException e) {
        LOG.log(
            Level.SEVERE,
            "unexpected failure on " + request.prologue().method() + " " + request.path().path(),
            e);
        writeProblem(
            response,
            new Problem(500, "internal-error", "Internal error", "see the node's log", null));
      }
    };
  }

  private Caller authenticate(Access access, ServerRequest request, byte[] body) {
    return switch (access) {
      case PUBLIC -> Caller.ANONYMOUS;
      case ADMIN ->
          keyHolder(request)
              .filter(c -> c.access() == Access.ADMIN)
              .orElseThrow(() -> denied(request));
      case PARTNER ->
          keyHolder(request)
              .filter(c -> c.access() == Access.ADMIN || c.access() == Access.PARTNER)
              .orElseThrow(() -> denied(request));
      case SPONSOR, NETWORK_FUNCTION ->
          keyHolder(request)
              .filter(c -> c.access() == Access.ADMIN || c.access() == access)
              .orElseThrow(() -> denied(request));
      case PEER ->
          new Caller(
              Access.PEER,
              peers.verify(
                  name -> request.headers().first(HeaderNames.create(name)),
                  request.prologue().method().text(),
                  pathAndQuery(request),
                  body));
    };
  }

  private Optional<Caller> keyHolder(ServerRequest request) {
    return apiKeys.holderOf(request.headers().first(HeaderNames.AUTHORIZATION));
  }

  private static ProblemException denied(ServerRequest request) {
    boolean presented = request.headers().contains(HeaderNames.AUTHORIZATION);
    return presented
        ? new Problem(403, "forbidden", "Not allowed", "this key may not call this endpoint", null)
            .toException()
        : new Problem(
                401,
                "unauthenticated",
                "Authentication required",
                "send Authorization: Bearer <api key>",
                null)
            .toException();
  }

  /** The path and query exactly as sent, which is what the peer signed. */
  static String pathAndQuery(ServerRequest request) {
    String path = request.prologue().uriPath().rawPath();
    String query = request.prologue().query().rawValue();
    return query.isEmpty() ? path : path + "?" + query;
  }

  private static void write(ServerResponse response, Reply reply) {
    response.status(Status.create(reply.status()));
    if (reply.body() == null) {
      response.send();
      return;
    }
    if (reply.body() instanceof Reply.Raw raw) {
      raw.headers().forEach((name, value) -> response.header(HeaderNames.create(name), value));
      if (raw.bytes().length == 0) {
        response.send();
        return;
      }
      response.header(HeaderNames.CONTENT_TYPE, raw.contentType());
      response.send(raw.bytes());
      return;
    }
    response.header(HeaderNames.CONTENT_TYPE, JSON);
    response.send(Json.write(reply.body()));
  }

  /** Writes a problem+json response. */
  public static void writeProblem(ServerResponse response, Problem problem) {
    response.status(Status.create(problem.status()));
    response.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
    if (problem.status() == 401) {
      response.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
    }
    response.send(Json.write(new ProblemBody(problem)));
  }

  /** The wire form of a problem, with the RFC 9457 members first. */
  record ProblemBody(
      String type, String title, int status, String detail, String code, String field) {
    ProblemBody(Problem p) {
      this("/problems/" + p.code(), p.title(), p.status(), p.detail(), p.code(), p.field());
    }
  }
}
