package org.telco.credit;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TopUpSplitTest {
  @Test
  void theAdvanceComesFirstThenWhatIsDue() {
    assertThat(TopUpSplit.of(1_500, 1_000, 800)).isEqualTo(new TopUpSplit(1_000, 500));
    assertThat(TopUpSplit.of(300, 1_000, 800)).isEqualTo(new TopUpSplit(300, 0));
    assertThat(TopUpSplit.of(5_000, 0, 800)).isEqualTo(new TopUpSplit(0, 800));
  }

  @Property
  void neverMoreThanIsAvailableNorOwed(
      @ForAll @LongRange(max = 100_000) long available,
      @ForAll @LongRange(max = 100_000) long advance,
      @ForAll @LongRange(max = 100_000) long due) {
    TopUpSplit split = TopUpSplit.of(available, advance, due);

    assertThat(split.toAdvanceFen() + split.toDueFen()).isLessThanOrEqualTo(available);
    assertThat(split.toAdvanceFen()).isLessThanOrEqualTo(advance);
    assertThat(split.toDueFen()).isLessThanOrEqualTo(due);
    if (split.toDueFen() > 0) {
      assertThat(split.toAdvanceFen()).isEqualTo(advance); // the advance was paid off first
    }
    if (available >= advance + due) {
      assertThat(split).isEqualTo(new TopUpSplit(advance, due));
    }
  }
}
