package org.telco.traffic;

/** Why a traffic purchase was voided: each names the step that failed. */
public enum VoidReason {
  /** Pre-deduction: the money balance cannot cover the price. */
  BALANCE_TOO_LOW,
  /** Pre-deduction: the charging platform failed. */
  PRE_DEDUCTION_FAILED,
  /** Authentication confirm: every bucket slot of the subscriber is taken. */
  NO_FREE_BUCKET_SLOT,
  /** Authentication confirm: the bucket or card could not be created. */
  AUTHENTICATION_CONFIRM_FAILED,
  /** Deduction confirm: the pending transfers could not be posted (expired or failed). */
  DEDUCTION_CONFIRM_FAILED,
  /** Nobody finished it before its timeout. */
  ABANDONED;

  /** The stable code for APIs, such as {@code balance-too-low}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
