/**
 * Online charging of data (flow F5): charging sessions as the 3GPP Nchf_ConvergedCharging service
 * sees them, the plan of a grant over a subscriber's buckets and money, the split of reported usage
 * over what was reserved, and partners' sponsored traffic.
 *
 * <p>A grant is a set of <b>reservations</b>: pending ledger transfers from buckets (to data used)
 * and, for pay-as-you-go, from money (to data pay-as-you-go). The ledger's limit flags refuse a
 * reservation beyond what an account holds, so concurrent sessions can never be granted more than
 * the buckets and the balance hold, whatever they race.
 */
package org.telco.charging;
