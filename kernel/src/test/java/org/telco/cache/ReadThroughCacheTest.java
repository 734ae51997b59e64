package org.telco.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadThroughCacheTest {
  private final Map<String, String> store = new HashMap<>();
  private final AtomicInteger reads = new AtomicInteger();
  private final ReadThroughCache<String, String> cache = new ReadThroughCache<>(3);

  private Optional<String> read(String key) {
    reads.incrementAndGet();
    return Optional.ofNullable(store.get(key));
  }

  @Test
  void aValueReadOnceIsKeptUntilForgotten() {
    store.put("a", "1");
    assertThat(cache.get("a", this::read)).contains("1");
    store.put("a", "2");
    assertThat(cache.get("a", this::read)).contains("1");
    assertThat(reads).hasValue(1);
    cache.forget("a");
    assertThat(cache.get("a", this::read)).contains("2");
    assertThat(reads).hasValue(2);
  }

  @Test
  void anAbsentValueIsNotKept() {
    assertThat(cache.get("a", this::read)).isEmpty();
    store.put("a", "1");
    assertThat(cache.get("a", this::read)).contains("1");
  }

  @Test
  void aValueReadWhileAWriteWasForgottenIsNotKept() {
    store.put("a", "old");
    Optional<String> read =
        cache.get(
            "a",
            key -> {
              Optional<String> before = read(key);
              store.put("a", "new");
              cache.forget("a");
              return before;
            });
    assertThat(read).contains("old");
    assertThat(cache.size()).isZero();
    assertThat(cache.get("a", this::read)).contains("new");
  }

  @Test
  void pastItsSizeItStartsOver() {
    for (String key : new String[] {"a", "b", "c", "d"}) {
      store.put(key, key);
      cache.get(key, this::read);
    }
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.get("d", this::read)).contains("d");
  }

  @Test
  void forgetAllDropsEverything() {
    store.put("a", "1");
    store.put("b", "2");
    cache.get("a", this::read);
    cache.get("b", this::read);
    cache.forgetAll();
    assertThat(cache.size()).isZero();
  }

  @Test
  void itNeedsRoomForOneValue() {
    assertThatThrownBy(() -> new ReadThroughCache<String, String>(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
