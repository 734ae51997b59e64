package org.telco.credit;

import java.util.List;

/**
 * An operator's emergency credit in figures ({@code GET /api/v1/emergency-credit/summary}).
 *
 * @param advances how many advances were granted
 * @param advancedFen everything advanced
 * @param repaidFen everything that came back, in time or after a default
 * @param outstandingFen owed on advances not defaulted (yet): their deadline has not fired
 * @param defaultedFen owed on advances their deadline defaulted
 * @param defaults how many advances defaulted, recovered since or not
 */
public record AdvanceSummary(
    long advances,
    long advancedFen,
    long repaidFen,
    long outstandingFen,
    long defaultedFen,
    long defaults) {
  /** The summary of {@code advances}. */
  public static AdvanceSummary of(List<Advance> advances) {
    long advanced = 0;
    long repaid = 0;
    long outstanding = 0;
    long defaulted = 0;
    long defaults = 0;
    for (Advance advance : advances) {
      advanced += advance.amountFen();
      repaid += advance.repaidFen();
      switch (advance.state()) {
        case OUTSTANDING -> outstanding += advance.owedFen();
        case DEFAULTED -> {
          defaulted += advance.owedFen();
          defaults++;
        }
        case RECOVERED -> defaults++;
        case REPAID -> {}
      }
    }
    return new AdvanceSummary(advances.size(), advanced, repaid, outstanding, defaulted, defaults);
  }
}
