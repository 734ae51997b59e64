package org.telco.device;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telco.subscriber.Msisdn;

/** The reference {@link DeviceStore}: maps guarded by the store's monitor. */
public final class InMemoryDeviceStore implements DeviceStore {
  private final Map<DeviceId, Device> devices = new HashMap<>();
  private final Map<String, Binding> bindings = new LinkedHashMap<>();
  private final Map<DeviceId, Map<String, Purchase>> purchases = new HashMap<>();
  private final Map<PurchaseKey, PurchaseCharge> charges = new HashMap<>();
  private final List<BindAttempt> attempts = new ArrayList<>();

  @Override
  public synchronized Registration register(Device device) {
    if (device.isBound()) {
      throw new IllegalArgumentException("a device is registered unbound: " + device.id());
    }
    return devices.putIfAbsent(device.id(), device) == null
        ? Registration.REGISTERED
        : Registration.ID_TAKEN;
  }

  @Override
  public synchronized Optional<Device> device(DeviceId id) {
    Device device = devices.get(id);
    if (device == null) {
      return Optional.empty();
    }
    return Optional.of(device.withBinding(activeBinding(id).map(Binding::id).orElse(null)));
  }

  @Override
  public synchronized Optional<Binding> binding(String id) {
    return Optional.ofNullable(bindings.get(id));
  }

  @Override
  public synchronized Optional<Binding> bindingByToken(TokenHash hash) {
    return bindings.values().stream().filter(b -> b.tokenHash().equals(hash)).findFirst();
  }

  @Override
  public synchronized List<Binding> bindingsPaidBy(Msisdn payer, int limit) {
    return bindings.values().stream()
        .filter(b -> b.payer().equals(payer))
        .sorted(java.util.Comparator.comparing(Binding::boundAt).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Optional<Binding> activeBinding(DeviceId id) {
    return bindings.values().stream()
        .filter(b -> b.deviceId().equals(id) && b.isActive())
        .findFirst();
  }

  @Override
  public synchronized BindResult bind(Binding binding) {
    if (!binding.isActive()) {
      throw new IllegalArgumentException("only an active binding is bound: " + binding.id());
    }
    if (!devices.containsKey(binding.deviceId())) {
      return BindResult.DEVICE_UNKNOWN;
    }
    if (bindings.containsKey(binding.id()) || bindingByToken(binding.tokenHash()).isPresent()) {
      return BindResult.BINDING_TAKEN;
    }
    if (activeBinding(binding.deviceId()).isPresent()) {
      return BindResult.DEVICE_ALREADY_BOUND;
    }
    bindings.put(binding.id(), binding);
    return BindResult.BOUND;
  }

  @Override
  public synchronized boolean unbind(Binding before, Binding after) {
    if (!before.id().equals(after.id()) || !before.equals(bindings.get(before.id()))) {
      return false;
    }
    bindings.put(after.id(), after);
    return true;
  }

  @Override
  public synchronized boolean reissue(Binding before, Binding after) {
    if (!after.equals(before.withToken(after.tokenHash()))) {
      throw new IllegalArgumentException("a re-issue changes the token only: " + before.id());
    }
    if (!before.equals(bindings.get(before.id()))
        || bindingByToken(after.tokenHash()).isPresent()) {
      return false;
    }
    bindings.put(after.id(), after);
    return true;
  }

  @Override
  public synchronized Recording record(Purchase purchase, SpendCap cap) {
    Map<String, Purchase> ofDevice =
        purchases.computeIfAbsent(purchase.deviceId(), d -> new HashMap<>());
    Purchase stored = ofDevice.get(purchase.id());
    if (stored != null) {
      return stored.sameRequestAs(purchase) ? Recording.REPLAYED : Recording.CONFLICT;
    }
    YearMonth month = cap.monthOf(purchase.at());
    long spent = spentFen(purchase.deviceId(), cap.start(month), cap.end(month));
    if (Math.addExact(spent, purchase.amountFen()) > cap.monthlyFen()) {
      return Recording.OVER_CAP;
    }
    ofDevice.put(purchase.id(), purchase);
    charges.put(new PurchaseKey(purchase.deviceId(), purchase.id()), PurchaseCharge.PENDING);
    return Recording.RECORDED;
  }

  @Override
  public synchronized boolean settle(DeviceId deviceId, String id, PurchaseCharge outcome) {
    if (outcome == PurchaseCharge.PENDING) {
      throw new IllegalArgumentException("a purchase is settled as CHARGED or DECLINED");
    }
    return charges.replace(new PurchaseKey(deviceId, id), PurchaseCharge.PENDING, outcome);
  }

  @Override
  public synchronized Optional<PurchaseCharge> charge(DeviceId deviceId, String id) {
    return Optional.ofNullable(charges.get(new PurchaseKey(deviceId, id)));
  }

  @Override
  public synchronized Optional<Purchase> purchase(DeviceId deviceId, String id) {
    return Optional.ofNullable(purchases.getOrDefault(deviceId, Map.of()).get(id));
  }

  @Override
  public synchronized long spentFen(DeviceId deviceId, Instant from, Instant until) {
    long spent = 0;
    for (Purchase purchase : purchases.getOrDefault(deviceId, Map.of()).values()) {
      boolean counts = charges.get(new PurchaseKey(deviceId, purchase.id())).countsAgainstCap();
      if (counts && !purchase.at().isBefore(from) && purchase.at().isBefore(until)) {
        spent = Math.addExact(spent, purchase.amountFen());
      }
    }
    return spent;
  }

  @Override
  public synchronized void recordAttempt(BindAttempt attempt) {
    attempts.add(attempt);
  }

  @Override
  public synchronized int attemptsSince(Msisdn phone, Instant since) {
    int count = 0;
    for (BindAttempt attempt : attempts) {
      if (attempt.phone().equals(phone) && !attempt.at().isBefore(since)) {
        count++;
      }
    }
    return count;
  }

  /** A purchase's key: its device and its id. */
  private record PurchaseKey(DeviceId deviceId, String id) {}
}
