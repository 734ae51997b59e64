package org.telco.porting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

/** The reference {@link PortingStore}: maps under one monitor. */
public final class InMemoryPortingStore implements PortingStore {
  private final Map<Msisdn, StoredDeposit> deposits = new HashMap<>();
  private final Map<Msisdn, List<Instant>> failures = new HashMap<>();
  private final Map<String, PortRequest> requests = new LinkedHashMap<>();

  @Override
  public synchronized void deposit(Deposit deposit) {
    deposits.put(deposit.msisdn(), new StoredDeposit(deposit, false));
  }

  @Override
  public synchronized Optional<StoredDeposit> deposit(Msisdn msisdn) {
    return Optional.ofNullable(deposits.get(msisdn));
  }

  @Override
  public synchronized boolean use(Deposit deposit) {
    StoredDeposit stored = deposits.get(deposit.msisdn());
    if (stored == null || stored.used() || !sameDeposit(stored.deposit(), deposit)) {
      return false;
    }
    deposits.put(deposit.msisdn(), new StoredDeposit(stored.deposit(), true));
    return true;
  }

  /** The same deposit: the same nonce and proof from the same donor (instants may be rounded). */
  static boolean sameDeposit(Deposit a, Deposit b) {
    return a.donor().equals(b.donor())
        && a.nonce().equals(b.nonce())
        && a.proof().equals(b.proof());
  }

  @Override
  public synchronized void recordFailure(Msisdn msisdn, Instant at) {
    failures.computeIfAbsent(msisdn, m -> new ArrayList<>()).add(at);
  }

  @Override
  public synchronized int failuresSince(Msisdn msisdn, Instant since) {
    return (int)
        failures.getOrDefault(msisdn, List.of()).stream().filter(at -> !at.isBefore(since)).count();
  }

  @Override
  public synchronized Creation create(PortRequest request) {
    if (request.state() != PortState.REQUESTED || request.history().size() != 1) {
      throw new IllegalArgumentException("a request is stored REQUESTED: " + request.id());
    }
    if (requests.containsKey(request.id())) {
      return Creation.ID_TAKEN;
    }
    if (openRequest(request.msisdn()).isPresent()) {
      return Creation.NUMBER_BUSY;
    }
    requests.put(request.id(), request);
    return Creation.CREATED;
  }

  @Override
  public synchronized Optional<PortRequest> request(String id) {
    return Optional.ofNullable(requests.get(id));
  }

  @Override
  public synchronized Optional<PortRequest> openRequest(Msisdn msisdn) {
    return requests.values().stream()
        .filter(r -> r.msisdn().equals(msisdn) && !r.state().isFinal())
        .findFirst();
  }

  @Override
  public synchronized boolean replace(PortRequest before, PortRequest after) {
    if (!before.isFollowedBy(after)) {
      throw new IllegalArgumentException("not a next step of " + before.id());
    }
    if (!before.equals(requests.get(before.id()))) {
      return false;
    }
    requests.put(after.id(), after);
    return true;
  }

  @Override
  public synchronized List<PortRequest> inState(PortState state, int limit) {
    return requests.values().stream()
        .filter(r -> r.state() == state)
        .sorted(Comparator.comparing((PortRequest r) -> r.history().getFirst().at()))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<PortRequest> involving(OperatorId operator, int limit) {
    return requests.values().stream()
        .filter(r -> r.donor().equals(operator) || r.recipient().equals(operator))
        .sorted(Comparator.comparing((PortRequest r) -> r.history().getFirst().at()).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<PortRequest> ofNumber(Msisdn msisdn, OperatorId operator, int limit) {
    return involving(operator, Integer.MAX_VALUE).stream()
        .filter(r -> r.msisdn().equals(msisdn))
        .limit(limit)
        .toList();
  }
}
