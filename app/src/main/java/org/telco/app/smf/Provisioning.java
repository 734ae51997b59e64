package org.telco.app.smf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.telco.app.demo.PlatformClient;
import org.telco.web.Json;

/**
 * Gives the simulator's subscribers something to spend, through the operator's public API as any
 * operator tool would: subscribes each number (an existing one is kept), records its SIM (the SMF
 * names the subscriber by the SIM's SUPI, {@link SimCards}), tops it up, and buys data packs
 * through the two-phase purchase ({@code POST /api/v1/traffic/purchases}). Every step has an id
 * derived from the number, so provisioning again changes nothing.
 */
public final class Provisioning {
  private static final int PARALLEL = 8;

  private final PlatformClient api;
  private final long topUpFen;
  private final List<String> products;

  /**
   * Provisioning through {@code api}.
   *
   * @param topUpFen the money each number gets, 0 for none
   * @param products the packs each number buys, such as {@code addon-500m} and {@code video-3g}
   */
  public Provisioning(PlatformClient api, long topUpFen, List<String> products) {
    this.api = api;
    this.topUpFen = topUpFen;
    this.products = List.copyOf(products);
  }

  /** {@code count} numbers from {@code first} on, as text. */
  public static List<String> numbers(long first, int count) {
    List<String> numbers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      numbers.add(Long.toString(first + i));
    }
    return numbers;
  }

  /**
   * Provisions each of {@code msisdns}, a few at a time.
   *
   * @throws IllegalStateException naming the first step the operator refused
   */
  public void provision(List<String> msisdns) throws InterruptedException {
    try (ExecutorService pool =
        Executors.newFixedThreadPool(PARALLEL, Thread.ofVirtual().factory())) {
      List<Future<String>> done = new ArrayList<>();
      for (String msisdn : msisdns) {
        done.add(pool.submit(() -> provision(msisdn)));
      }
      for (Future<String> future : done) {
        String refusal;
        try {
          refusal = future.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("provisioning failed: " + e.getCause(), e.getCause());
        }
        if (refusal != null) {
          throw new IllegalStateException(refusal);
        }
      }
    }
  }

  /** Provisions one number; a description of the refused step, or null when all went through. */
  private String provision(String msisdn) {
    PlatformClient.Answer subscribed =
        api.post(
            "/subscribers",
            json(Map.of("msisdn", msisdn, "planId", "basic", "servicePassword", "Smf-Sim-42")));
    if (subscribed.status() != 201 && subscribed.status() != 409) {
      return refused("subscribing " + msisdn, subscribed);
    }
    PlatformClient.Answer sim =
        api.put("/subscribers/" + msisdn + "/sim", json(Map.of("imsi", SimCards.imsiOf(msisdn))));
    if (sim.status() != 200) {
      return refused("recording the SIM of " + msisdn, sim);
    }
    if (topUpFen > 0) {
      PlatformClient.Answer paid =
          api.post(
              "/payments",
              json(
                  Map.of(
                      "id", "smf-topup-" + msisdn,
                      "msisdn", msisdn,
                      "amountFen", topUpFen,
                      "payer", msisdn)));
      if (paid.status() != 201 && paid.status() != 200) {
        return refused("topping up " + msisdn, paid);
      }
    }
    for (String product : products) {
      PlatformClient.Answer bought =
          api.post(
              "/traffic/purchases",
              json(
                  Map.of(
                      "id", "smf-" + product + "-" + msisdn,
                      "msisdn", msisdn,
                      "productId", product)));
      if (bought.status() != 201 && bought.status() != 200) {
        return refused("buying " + product + " for " + msisdn, bought);
      }
    }
    return null;
  }

  private static String refused(String step, PlatformClient.Answer answer) {
    return step + " was refused (" + answer.status() + "): " + answer.body();
  }

  private static String json(Map<String, Object> fields) {
    return new String(Json.write(fields), java.nio.charset.StandardCharsets.UTF_8);
  }
}
