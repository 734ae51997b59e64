package org.telco.app.payment;

/**
 * The body of {@code POST /api/v1/payments/{id}/refund}; every field may be absent for an admin.
 *
 * @param refundId the refund's idempotency key within the payment; {@code full} when absent
 * @param amountFen the amount; all that is still refundable when absent
 * @param payer who asks for the money back: a partner must name the payment's payer, because only
 *     the payer may have it refunded
 */
record RefundRequestJson(String refundId, Long amountFen, String payer) {}
