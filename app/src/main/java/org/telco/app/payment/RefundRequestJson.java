package org.telco.app.payment;

/**
 * The body of {@code POST /api/v1/payments/{id}/refund}; both fields may be absent.
 *
 * @param refundId the refund's idempotency key within the payment; {@code full} when absent
 * @param amountFen the amount; all that is still refundable when absent
 */
record RefundRequestJson(String refundId, Long amountFen) {}
