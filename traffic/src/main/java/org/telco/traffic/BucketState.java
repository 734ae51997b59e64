package org.telco.traffic;

/** Where a bucket is in its life. */
public enum BucketState {
  /** Created by an authentication confirm; its data is issued pending, not usable yet. */
  PENDING,
  /** Usable: its purchase completed, or its card was bound. */
  ACTIVE,
  /** Its purchase failed or was abandoned: the pending data was voided; it never held data. */
  VOIDED,
  /** Past its validity: what it held moved to data expired. */
  EXPIRED
}
