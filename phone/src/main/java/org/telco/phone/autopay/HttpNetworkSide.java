package org.telco.phone.autopay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operators' partner APIs over HTTP: the number lookup at the agent's home operator, then the
 * status, plans, payments and refunds at whichever operator serves the number. Each operator is
 * called with the partner key it issued.
 */
public final class HttpNetworkSide implements NetworkSide {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String homeUrl;
  private final String homeOperator;
  private final Map<String, String> partnerKeys;

  /**
   * A network reached through {@code homeUrl}, the API of operator {@code homeOperator}.
   *
   * @param partnerKeys the partner API key of each operator, by operator id
   */
  public HttpNetworkSide(String homeUrl, String homeOperator, Map<String, String> partnerKeys) {
    this.homeUrl = homeUrl;
    this.homeOperator = homeOperator;
    this.partnerKeys = Map.copyOf(partnerKeys);
  }

  @Override
  public Optional<ServingOperator> operatorOf(String msisdn) {
    HttpResponse<String> response =
        send(get(homeUrl + "/api/v1/numbers/" + path(msisdn) + "/operator", homeOperator));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    JsonNode answer = expect(response, 200);
    String operatorId = answer.path("operatorId").asText();
    String apiUrl = answer.path("apiUrl").asText(null);
    if (apiUrl == null) {
      throw new NetworkException("the lookup gave no address for operator " + operatorId);
    }
    return Optional.of(new ServingOperator(operatorId, apiUrl));
  }

  @Override
  public NumberStatus status(ServingOperator operator, String msisdn) {
    JsonNode answer =
        expect(
            send(
                get(
                    operator.apiUrl() + "/api/v1/numbers/" + path(msisdn) + "/status",
                    operator.operatorId())),
            200);
    try {
      return NumberStatus.valueOf(answer.path("state").asText());
    } catch (IllegalArgumentException e) {
      throw new NetworkException("unknown number state " + answer.path("state"), e);
    }
  }

  @Override
  public List<Long> planPrices(ServingOperator operator) {
    JsonNode plans =
        expect(send(get(operator.apiUrl() + "/api/v1/plans", operator.operatorId())), 200);
    List<Long> prices = new ArrayList<>();
    plans.forEach(plan -> prices.add(plan.path("monthlyFeeFen").asLong()));
    return prices;
  }

  @Override
  public void pay(
      ServingOperator operator, String paymentId, String msisdn, long amountFen, String payer) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", paymentId);
    body.put("msisdn", msisdn);
    body.put("amountFen", amountFen);
    body.put("payer", payer);
    HttpResponse<String> response =
        send(post(operator.apiUrl() + "/api/v1/payments", operator.operatorId(), body));
    expect(response, response.statusCode() == 200 ? 200 : 201);
  }

  @Override
  public long refund(ServingOperator operator, String paymentId, String payer) {
    ObjectNode body = JSON.createObjectNode();
    body.put("payer", payer);
    HttpResponse<String> response =
        send(
            post(
                operator.apiUrl() + "/api/v1/payments/" + path(paymentId) + "/refund",
                operator.operatorId(),
                body));
    if (response.statusCode() == 404) {
      return 0; // never landed: nothing to give back
    }
    return expect(response, response.statusCode() == 200 ? 200 : 201).path("amountFen").asLong();
  }

  private HttpRequest get(String url, String operatorId) {
    return request(url, operatorId).GET().build();
  }

  private HttpRequest post(String url, String operatorId, ObjectNode body) {
    return request(url, operatorId)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }

  private HttpRequest.Builder request(String url, String operatorId) {
    String key = partnerKeys.get(operatorId);
    if (key == null) {
      throw new NetworkException("no partner key for operator " + operatorId);
    }
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + key);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NetworkException("cannot reach " + request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkException("interrupted calling " + request.uri(), e);
    }
  }

  private static JsonNode expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new NetworkException(
          response.request().method()
              + " "
              + response.request().uri().getPath()
              + " answered "
              + response.statusCode()
              + ": "
              + problem(response.body()),
          response.statusCode() >= 400 && response.statusCode() < 500);
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new NetworkException("not JSON from " + response.request().uri(), e);
    }
  }

  private static String problem(String body) {
    try {
      JsonNode problem = JSON.readTree(body);
      return problem.path("code").asText("?") + " (" + problem.path("detail").asText("") + ")";
    } catch (IOException e) {
      return body.length() > 200 ? body.substring(0, 200) : body;
    }
  }

  private static String path(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }
}
