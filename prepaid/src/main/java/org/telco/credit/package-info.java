/**
 * Emergency credit in arrears (flow F1, seed 000): when a number barred for an unpaid fee gets no
 * top-up within a delay, the operator advances a preset amount from its emergency-credit account (a
 * virtual recharge), re-opens the line on it and bills the subscriber by an operator-paid SMS; the
 * advance must be repaid by a deadline, and a top-up repays it before anything else. This package
 * holds the rules: who is eligible, how much, until when, how a top-up is split, when an SMS may be
 * sent. Plain Java; time comes in as {@code Instant}.
 */
package org.telco.credit;
