package org.telco.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.LedgerSnapshot;
import org.telco.ledger.Transfer;

/**
 * Which shard owns what. Account ids come in families of 256 that share everything above their low
 * 8 bits; a family lives on shard {@code (id >>> 8) mod count}. So the accounts of one subscriber
 * (money, arrears, data buckets, ...), given ids in one family, always meet on one shard, whatever
 * the shard count. A transfer lives on the shard of its debit account (its credit account is on the
 * same one).
 *
 * @param count the number of shards
 */
public record ShardRouting(int count) {
  /** How many low id bits number the members of a family. */
  public static final int FAMILY_BITS = 8;

  /** Rejects a shard count below one. */
  public ShardRouting {
    if (count < 1) {
      throw new IllegalArgumentException("shard count must be positive: " + count);
    }
  }

  /** The shard that owns the account. */
  public int shardOf(AccountId id) {
    return (int) Math.floorMod(id.value() >>> FAMILY_BITS, (long) count);
  }

  /** The id of member {@code member} (0-255) of family {@code family}. */
  public static AccountId member(long family, int member) {
    if (member < 0 || member >= 1 << FAMILY_BITS || family < 0) {
      throw new IllegalArgumentException("no member " + member + " of family " + family);
    }
    return new AccountId((family << FAMILY_BITS) | member);
  }

  /** Splits a stored snapshot into one slice per shard. */
  List<LedgerSnapshot> split(LedgerSnapshot snapshot) {
    List<List<Account>> accounts = emptyPerShard();
    List<List<Transfer>> transfers = emptyPerShard();
    for (Account account : snapshot.accounts()) {
      accounts.get(shardOf(account.id())).add(account);
    }
    int[] heldForStatus = new int[count];
    List<Transfer> all = snapshot.transfers();
    for (int i = 0; i < all.size(); i++) {
      int shard = shardOf(all.get(i).debitAccountId());
      transfers.get(shard).add(all.get(i));
      if (i < snapshot.heldForStatus()) {
        heldForStatus[shard]++;
      }
    }
    List<Set<AccountId>> older = new ArrayList<>(count);
    for (int s = 0; s < count; s++) {
      older.add(new HashSet<>());
    }
    for (AccountId account : snapshot.accountsWithOlderTransfers()) {
      older.get(shardOf(account)).add(account);
    }
    List<LedgerSnapshot> slices = new ArrayList<>(count);
    for (int s = 0; s < count; s++) {
      slices.add(
          new LedgerSnapshot(accounts.get(s), transfers.get(s), heldForStatus[s], older.get(s)));
    }
    return slices;
  }

  <T> List<List<T>> emptyPerShard() {
    List<List<T>> lists = new ArrayList<>(count);
    for (int s = 0; s < count; s++) {
      lists.add(new ArrayList<>());
    }
    return lists;
  }

  /**
   * Puts per-shard answers back into request order.
   *
   * @param positions for each shard, the request positions of its answers, in order
   */
  static <T> CompletableFuture<List<T>> merge(
      List<CompletableFuture<List<T>>> answers, List<List<Integer>> positions, int size) {
    return CompletableFuture.allOf(answers.toArray(CompletableFuture<?>[]::new))
        .thenApply(
            done -> {
              List<T> ordered = new ArrayList<>(size);
              for (int i = 0; i < size; i++) {
                ordered.add(null);
              }
              for (int s = 0; s < answers.size(); s++) {
                List<T> shardAnswers = answers.get(s).join();
                List<Integer> at = positions.get(s);
                for (int k = 0; k < at.size(); k++) {
                  ordered.set(at.get(k), shardAnswers.get(k));
                }
              }
              return ordered;
            });
  }
}
