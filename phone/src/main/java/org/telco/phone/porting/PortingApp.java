package org.telco.phone.porting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The porting app on the subscriber's phone (flow F4): finds the number's current operator, makes a
 * random nonce, asks that operator (the donor) to authorise the port for it, derives its own result
 * from the password the owner typed with the donor's salt, and presents number and result to the
 * new operator (the recipient), which runs the port with the clearinghouse.
 *
 * <p>It talks to the operators' public APIs with the partner keys a porting app holds, like the
 * address-book agent, and shares no code with the platform.
 */
public final class PortingApp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> urls;
  private final Map<String, String> partnerKeys;
  private final RandomGenerator random;
  private final PrintStream out;

  /**
   * An app that reaches each operator at its URL with its partner key.
   *
   * @param urls each operator's base URL, by operator id
   * @param partnerKeys each operator's partner key, by operator id
   * @param random where nonces come from; a {@code SecureRandom}
   * @param out where the steps are told
   */
  public PortingApp(
      Map<String, String> urls,
      Map<String, String> partnerKeys,
      RandomGenerator random,
      PrintStream out) {
    this.urls = Map.copyOf(urls);
    this.partnerKeys = Map.copyOf(partnerKeys);
    this.random = random;
    this.out = out;
  }

  /**
   * What the owner asks for.
   *
   * @param portId the port's id, the same on a retry
   * @param msisdn the number
   * @param password its service password at the current operator
   * @param recipient the operator to move to
   * @param planId the plan to take there
   * @param newPassword the service password to have there
   */
  public record Request(
      String portId,
      String msisdn,
      char[] password,
      String recipient,
      String planId,
      char[] newPassword) {}

  /**
   * An answer of an operator.
   *
   * @param status the HTTP status
   * @param body its JSON
   */
  public record Answer(int status, JsonNode body) {}

  /**
   * Runs the port.
   *
   * @return the recipient's answer to the port-in, or the first refusal on the way
   */
  public Answer port(Request request) {
    Answer where = get(request.recipient(), "/numbers/" + request.msisdn() + "/operator");
    if (where.status() != 200) {
      return where;
    }
    String donor = where.body().path("operatorId").asText();
    out.println("1. " + request.msisdn() + " is with " + donor + " now");
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    String nonceText = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    Answer authorised =
        post(
            donor,
            "/porting/authorisations",
            Map.of("msisdn", request.msisdn(), "nonce", nonceText));
    if (authorised.status() != 201) {
      return authorised;
    }
    out.println("2. " + donor + " authorised the port for this phone's nonce");
    PortingKey key =
        PortingKey.derive(
            request.password(),
            Base64.getDecoder().decode(authorised.body().path("salt").asText()),
            authorised.body().path("iterations").asInt());
    String result = key.resultFor(nonce);
    key.forget();
    out.println(
        "3. the result of the nonce under the password's key is ready; asking "
            + request.recipient());
    Answer ported =
        post(
            request.recipient(),
            "/porting/port-ins",
            Map.of(
                "portId",
                request.portId(),
                "msisdn",
                request.msisdn(),
                "donor",
                donor,
                "proof",
                result,
                "planId",
                request.planId(),
                "servicePassword",
                new String(request.newPassword())));
    out.println("4. " + request.recipient() + " answered " + ported.status());
    return ported;
  }

  private Answer get(String operator, String path) {
    return send(operator, request(operator, path).GET());
  }

  private Answer post(String operator, String path, Map<String, ?> body) {
    try {
      return send(
          operator,
          request(operator, path)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder request(String operator, String path) {
    String base = urls.get(operator);
    if (base == null) {
      throw new IllegalArgumentException("no address for operator " + operator);
    }
    return HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + "/api/v1" + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + partnerKeys.getOrDefault(operator, ""));
  }

  private Answer send(String operator, HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(
          response.statusCode(), body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + operator, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
