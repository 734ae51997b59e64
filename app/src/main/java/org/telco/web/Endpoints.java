package org.telco.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

  /**
   * The largest declared length read into an array of that size. The array is taken before any byte
   * arrives, so a larger claim is read as it comes instead: a client must send what it holds.
   */
  private static final long EXACT_READ_MAX = 64 * 1024;

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
        byte[] body = body(request);
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

  /**
   * The request body. A body that names its length (every API and Nchf request does) is read into
   * an array of exactly that size. Reading to the end instead takes 16 kB chunks: for an Nchf
   * request of 600 bytes that was about a sixth of all the memory the benchmark allocated.
   */
  private static byte[] body(ServerRequest request) {
    if (!request.content().hasEntity()) {
      return new byte[0];
    }
    long length = request.headers().contentLength().orElse(-1);
    if (length < 0 || length > EXACT_READ_MAX) {
      return request.content().as(byte[].class);
    }
    byte[] body = new byte[(int) length];
    try (InputStream in = request.content().inputStream()) {
      int read = in.readNBytes(body, 0, body.length);
      if (read < body.length) {
        throw new Problem(
                400,
                "short-body",
                "The body is shorter than its Content-Length",
                read + " of " + body.length + " bytes arrived",
                null)
            .toException();
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the request body", e);
    }
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
