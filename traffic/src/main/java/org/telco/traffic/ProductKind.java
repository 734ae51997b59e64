package org.telco.traffic;

/** The kinds of traffic product an operator sells (the seed's 基础包, 加油包, 专属包, 闲时包 and 流量卡). */
public enum ProductKind {
  /** A basic pack: general data for the calendar month it is bought in. */
  BASIC_MONTHLY,
  /** An add-on pack, bought once and valid to the end of the month. */
  ADD_ON,
  /** A directed pack: data for the named apps (rating groups) only, to the end of the month. */
  DIRECTED,
  /** An idle-time pack: general data usable only in the idle hours, to the end of the month. */
  IDLE_TIME,
  /**
   * A traffic card: a quantity of data bought by one subscriber and bound later to a user, who gets
   * it as general data or as directed data depending on who they are ({@link CardDesignation}).
   */
  TRAFFIC_CARD
}
