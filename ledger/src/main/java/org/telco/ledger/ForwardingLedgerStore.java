package org.telco.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A store that passes every call to another one. Decorators extend it and override only what they
 * add: timing for benchmarks, or injected faults for simulations.
 */
public abstract class ForwardingLedgerStore implements LedgerStore {
  private final LedgerStore delegate;

  /** Forwards to {@code delegate}. */
  protected ForwardingLedgerStore(LedgerStore delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public LedgerSnapshot load() {
    return delegate.load();
  }

  @Override
  public LedgerSnapshot load(int window) {
    return delegate.load(window);
  }

  @Override
  public Optional<Transfer> resolutionOf(TransferId pendingId) {
    return delegate.resolutionOf(pendingId);
  }

  @Override
  public List<Transfer> transfersOf(AccountId id, int limit) {
    return delegate.transfersOf(id, limit);
  }

  @Override
  public void commit(LedgerBatch batch) {
    delegate.commit(batch);
  }

  @Override
  public Optional<Account> account(AccountId id) {
    return delegate.account(id);
  }

  @Override
  public Optional<Transfer> transfer(TransferId id) {
    return delegate.transfer(id);
  }

  @Override
  public List<Transfer> transfers(Collection<TransferId> ids) {
    return delegate.transfers(ids);
  }
}
