package org.telco.porting;

/** The reference holds against the contract. */
class InMemoryPortingHoldsTest extends PortingHoldsContract {
  @Override
  protected PortingHolds newHolds() {
    return new InMemoryPortingHolds();
  }
}
