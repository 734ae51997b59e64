package org.telco.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.telco.ledger.AccountId;
import org.telco.ledger.Asset;
import org.telco.ledger.TransferFlag;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRejection;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;

/**
 * Splits one request list over the shards without breaking a linked chain: each chain goes whole to
 * one shard, or is rejected here when its accounts live on different shards. Chains keep their
 * relative order within a shard, so an unclosed chain stays last.
 */
final class ChainRouting {
  private static final int UNKNOWN = -1;

  private final ShardRouting routing;
  private final Map<TransferId, Integer> pendingShards;
  private final Map<AccountId, Asset> knownAccounts;
  private final List<List<TransferRequest>> perShard;
  private final List<List<Integer>> positions;
  private TransferResult[] rejectedHere = new TransferResult[0];

  ChainRouting(
      ShardRouting routing,
      Map<TransferId, Integer> pendingShards,
      Map<AccountId, Asset> knownAccounts) {
    this.routing = routing;
    this.pendingShards = pendingShards;
    this.knownAccounts = knownAccounts;
    this.perShard = routing.emptyPerShard();
    this.positions = routing.emptyPerShard();
  }

  void route(List<TransferRequest> requests) {
    rejectedHere = new TransferResult[requests.size()];
    int start = 0;
    for (int i = 0; i < requests.size(); i++) {
      boolean chainEnds = !requests.get(i).has(TransferFlag.LINKED) || i == requests.size() - 1;
      if (chainEnds) {
        routeChain(requests, start, i);
        start = i + 1;
      }
    }
  }

  private void routeChain(List<TransferRequest> requests, int first, int last) {
    int shard = UNKNOWN;
    for (int i = first; i <= last; i++) {
      TransferRequest request = requests.get(i);
      TransferRejection split = splitReason(request);
      int own = shardOf(request);
      if (split != null) {
        rejectChain(requests, first, last, i, split);
        return;
      }
      if (own != UNKNOWN && shard != UNKNOWN && own != shard) {
        rejectChain(requests, first, last, i, TransferRejection.ACCOUNTS_ON_DIFFERENT_SHARDS);
        return;
      }
      if (own != UNKNOWN) {
        shard = own;
      }
    }
    int target = shard == UNKNOWN ? 0 : shard;
    for (int i = first; i <= last; i++) {
      perShard.get(target).add(requests.get(i));
      positions.get(target).add(i);
    }
  }

  private void rejectChain(
      List<TransferRequest> requests, int first, int last, int culprit, TransferRejection reason) {
    for (int i = first; i <= last; i++) {
      TransferRejection own = i == culprit ? reason : TransferRejection.LINKED_EVENT_FAILED;
      rejectedHere[i] = new TransferResult.Rejected(requests.get(i).id(), own);
    }
  }

  /**
   * Why a transfer cannot go to one shard, or null if it can. Only when both accounts exist is a
   * split reported here; a missing account goes on to the debit account's shard, whose ledger
   * answers with the precise not-found reason.
   */
  private TransferRejection splitReason(TransferRequest request) {
    if (request.debitAccountId() == null || request.creditAccountId() == null) {
      return null;
    }
    if (routing.shardOf(request.debitAccountId()) == routing.shardOf(request.creditAccountId())) {
      return null;
    }
    Asset debit = knownAccounts.get(request.debitAccountId());
    Asset credit = knownAccounts.get(request.creditAccountId());
    if (debit == null || credit == null) {
      return null;
    }
    return debit == credit
        ? TransferRejection.ACCOUNTS_ON_DIFFERENT_SHARDS
        : TransferRejection.ACCOUNTS_MUST_HAVE_THE_SAME_ASSET;
  }

  private int shardOf(TransferRequest request) {
    if (request.debitAccountId() != null) {
      return routing.shardOf(request.debitAccountId());
    }
    if (request.creditAccountId() != null) {
      return routing.shardOf(request.creditAccountId());
    }
    if (request.pendingId() != null) {
      return pendingShards.getOrDefault(request.pendingId(), UNKNOWN);
    }
    return UNKNOWN;
  }

  List<TransferRequest> requestsFor(int shard) {
    return perShard.get(shard);
  }

  /** Combines the shards' answers with the rejections decided here, in request order. */
  CompletableFuture<List<TransferResult>> merge(
      List<CompletableFuture<List<TransferResult>>> answers) {
    return ShardRouting.merge(answers, positions, rejectedHere.length)
        .thenApply(
            ordered -> {
              List<TransferResult> complete = new ArrayList<>(ordered);
              for (int i = 0; i < rejectedHere.length; i++) {
                if (rejectedHere[i] != null) {
                  complete.set(i, rejectedHere[i]);
                }
              }
              return complete;
            });
  }
}
