package org.telco.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * Decides one transfer request against the ledger's current state, checking every {@link
 * TransferRejection} in precedence order, without changing anything. The ledger commits what this
 * accepts, so deciding and applying stay separate and a linked chain can undo the latter.
 */
final class TransferDecision {
  private final Map<AccountId, Balances> accounts;
  private final Map<TransferId, Transfer> transfers;
  private final PendingTransfers pendings;
  private final Recall recall;

  TransferDecision(
      Map<AccountId, Balances> accounts,
      Map<TransferId, Transfer> transfers,
      PendingTransfers pendings,
      Recall recall) {
    this.accounts = accounts;
    this.transfers = transfers;
    this.pendings = pendings;
    this.recall = recall;
  }

  /**
   * Rejected with the first fault; Accepted and replayed for a retry of a committed transfer;
   * Accepted and not replayed for a new transfer the caller must commit.
   */
  TransferResult decide(TransferRequest request, Instant now) {
    TransferRejection fault = TransferValidation.check(request);
    if (fault != null) {
      return rejected(request, fault);
    }
    TransferKind kind = TransferKind.of(request.flags());
    Transfer existing = transfers.get(request.id());
    if (existing == null) {
      existing = heldOutsideTheWindow(request, kind);
    }
    if (existing != null) {
      return asRetryOf(request, existing);
    }
    TransferResult decided = decideNew(request, kind, now);
    if (decided instanceof TransferResult.Rejected) {
      // Before refusing an id the window does not hold, make sure it was never committed: the
      // retry of a transfer that left the window must be a replay, not a refusal on today's
      // balances. (An accepted one is checked by the store, which refuses a reused id.)
      Transfer committed = recall.transfer(request.id()).orElse(null);
      if (committed != null) {
        return asRetryOf(request, committed);
      }
    }
    return decided;
  }

  private static TransferResult asRetryOf(TransferRequest request, Transfer existing) {
    return TransferValidation.sameFields(request, existing)
        ? new TransferResult.Accepted(existing, true)
        : rejected(request, TransferRejection.EXISTS_WITH_DIFFERENT_FIELDS);
  }

  /** Decides a request whose id the ledger does not hold. */
  private TransferResult decideNew(TransferRequest request, TransferKind kind, Instant now) {
    Balances debit = null;
    if (request.debitAccountId() != null) {
      debit = accounts.get(request.debitAccountId());
      if (debit == null) {
        return rejected(request, TransferRejection.DEBIT_ACCOUNT_NOT_FOUND);
      }
    }
    Balances credit = null;
    if (request.creditAccountId() != null) {
      credit = accounts.get(request.creditAccountId());
      if (credit == null) {
        return rejected(request, TransferRejection.CREDIT_ACCOUNT_NOT_FOUND);
      }
    }
    if (debit != null && credit != null && debit.asset != credit.asset) {
      return rejected(request, TransferRejection.ACCOUNTS_MUST_HAVE_THE_SAME_ASSET);
    }
    return switch (kind) {
      case IMMEDIATE, PENDING -> move(request, kind == TransferKind.PENDING, debit, credit, now);
      case POST_PENDING, VOID_PENDING -> resolve(request, kind, now);
    };
  }

  private static TransferResult move(
      TransferRequest request, boolean pending, Balances debit, Balances credit, Instant now) {
    TransferRejection fault =
        BalanceChecks.check(
            pending, debit, credit, request.amount(), request.timeoutSeconds(), now);
    if (fault != null) {
      return rejected(request, fault);
    }
    return accepted(
        new Transfer(
            request.id(),
            debit.id,
            credit.id,
            request.amount(),
            null,
            request.flags(),
            request.timeoutSeconds(),
            request.code(),
            debit.asset,
            now));
  }

  private TransferResult resolve(TransferRequest request, TransferKind kind, Instant now) {
    PendingTransfer entry = pendings.get(request.pendingId());
    if (entry == null) {
      return rejected(request, resolvedLongAgo(request));
    }
    Transfer pending = entry.transfer();
    if (!sameAccounts(request, pending)) {
      return rejected(request, TransferRejection.PENDING_TRANSFER_HAS_DIFFERENT_ACCOUNTS);
    }
    TransferRejection unavailable =
        entry.status() == PendingStatus.PENDING
            ? (entry.isDue(now) ? TransferRejection.PENDING_TRANSFER_EXPIRED : null)
            : rejectionFor(entry.status());
    if (unavailable != null) {
      return rejected(request, unavailable);
    }
    long reserved = entry.reserved();
    long amount = request.amount();
    if (kind == TransferKind.POST_PENDING && amount > reserved) {
      return rejected(request, TransferRejection.EXCEEDS_PENDING_TRANSFER_AMOUNT);
    }
    if (kind == TransferKind.VOID_PENDING && amount != 0 && amount != reserved) {
      return rejected(request, TransferRejection.PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT);
    }
    // A void releases everything; a post of zero means all of it. Posting at most what was
    // reserved cannot overflow posted balances, whose sum with pending is bounded.
    long resolved = kind == TransferKind.POST_PENDING && amount > 0 ? amount : reserved;
    return accepted(resolution(request, pending, resolved, now));
  }

  /** The transfer that posts or voids {@code pending}: its accounts, the resolved amount. */
  private static Transfer resolution(
      TransferRequest request, Transfer pending, long amount, Instant now) {
    return new Transfer(
        request.id(),
        pending.debitAccountId(),
        pending.creditAccountId(),
        amount,
        pending.id(),
        request.flags(),
        0,
        request.code(),
        pending.asset(),
        now);
  }

  /**
   * A committed transfer with the request's id that the window no longer holds by id, but the
   * ledger still does: a pending transfer held for its status, or the post or void recorded with
   * one. Other ids that left the window are looked up in the store when the request would be
   * refused ({@link #decide}), or caught by the store, which refuses a batch reusing them.
   */
  private Transfer heldOutsideTheWindow(TransferRequest request, TransferKind kind) {
    PendingTransfer own = pendings.get(request.id());
    if (own != null) {
      return own.transfer();
    }
    PendingTransfer entry = kind.resolvesPending() ? pendings.get(request.pendingId()) : null;
    Transfer resolution = entry == null ? null : entry.resolution();
    return resolution != null && resolution.id().equals(request.id()) ? resolution : null;
  }

  /**
   * Why a post or void of a pending transfer the ledger does not hold fails. Pending transfers
   * still pending are always held, so one that is not held either never existed, is not a pending
   * transfer, or was resolved long ago; the store says which, and how it was resolved.
   */
  private TransferRejection resolvedLongAgo(TransferRequest request) {
    Transfer pending = heldOrStored(request.pendingId());
    TransferRejection notPending = unlessPendingTransfer(pending);
    if (notPending != null) {
      return notPending;
    }
    if (!sameAccounts(request, pending)) {
      return TransferRejection.PENDING_TRANSFER_HAS_DIFFERENT_ACCOUNTS;
    }
    // No resolution in the store: the transfer is pending on another shard, not on this one.
    return recall
        .resolutionOf(pending.id())
        .map(resolution -> rejectionFor(Resolutions.statusOf(pending, resolution)))
        .orElse(TransferRejection.PENDING_TRANSFER_NOT_FOUND);
  }

  /**
   * The committed transfer {@code id}, held or else read from the store; null when there is none.
   */
  Transfer heldOrStored(TransferId id) {
    Transfer held = transfers.get(id);
    return held != null ? held : recall.transfer(id).orElse(null);
  }

  /**
   * Why {@code candidate}, named as a pending transfer, cannot be one: PENDING_TRANSFER_NOT_FOUND
   * when it is null, PENDING_TRANSFER_NOT_PENDING when it is not a pending transfer; null when it
   * is one.
   */
  static TransferRejection unlessPendingTransfer(Transfer candidate) {
    if (candidate == null) {
      return TransferRejection.PENDING_TRANSFER_NOT_FOUND;
    }
    return candidate.has(TransferFlag.PENDING)
        ? null
        : TransferRejection.PENDING_TRANSFER_NOT_PENDING;
  }

  /** The rejection of a post or void of a pending transfer that has ended as {@code status}. */
  static TransferRejection rejectionFor(PendingStatus status) {
    return switch (status) {
      case PENDING -> throw new IllegalArgumentException("a pending transfer has not ended");
      case POSTED -> TransferRejection.PENDING_TRANSFER_ALREADY_POSTED;
      case VOIDED -> TransferRejection.PENDING_TRANSFER_ALREADY_VOIDED;
      case EXPIRED -> TransferRejection.PENDING_TRANSFER_EXPIRED;
    };
  }

  private static boolean sameAccounts(TransferRequest request, Transfer pending) {
    return matchesIfGiven(request.debitAccountId(), pending.debitAccountId())
        && matchesIfGiven(request.creditAccountId(), pending.creditAccountId());
  }

  private static boolean matchesIfGiven(AccountId requested, AccountId actual) {
    return requested == null || requested.equals(actual);
  }

  private static TransferResult accepted(Transfer transfer) {
    return new TransferResult.Accepted(transfer, false);
  }

  private static TransferResult rejected(TransferRequest request, TransferRejection reason) {
    return new TransferResult.Rejected(request.id(), reason);
  }
}
