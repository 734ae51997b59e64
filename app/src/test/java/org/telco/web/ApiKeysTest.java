package org.telco.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** API keys are kept and compared as SHA-256 hashes, from any number of threads at once. */
class ApiKeysTest {
  @Test
  void aKeyHashesToItsSha256InHex() {
    // The test vector of FIPS 180-2 for "abc".
    assertThat(ApiKeys.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void theHolderOfABearerKeyIsFoundByItsHashAndNoOneElseIs() {
    Caller tools = new Caller(Access.ADMIN, "operator tools");
    ApiKeys keys = new ApiKeys(Map.of(ApiKeys.hash("s3cret-key"), tools));

    assertThat(keys.holderOf(Optional.of("Bearer s3cret-key"))).contains(tools);
    assertThat(keys.holderOf(Optional.of("Bearer s3cret-kez"))).isEmpty();
    assertThat(keys.holderOf(Optional.of("Basic s3cret-key"))).isEmpty();
    assertThat(keys.holderOf(Optional.empty())).isEmpty();
  }

  @Test
  void manyThreadsHashingAtOnceAllGetTheSameHashes() throws Exception {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      expected.add(ApiKeys.hash("key-" + i));
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<List<String>>> rounds = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        rounds.add(
            pool.submit(
                () -> {
                  List<String> hashes = new ArrayList<>();
                  for (int i = 0; i < 64; i++) {
                    hashes.add(ApiKeys.hash("key-" + i));
                  }
                  return hashes;
                }));
      }
      for (Future<List<String>> round : rounds) {
        assertThat(round.get()).isEqualTo(expected);
      }
    }
  }
}
