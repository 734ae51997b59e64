/**
 * Data traffic products (flow F5): the catalogue of packs and traffic cards, the subscriber's data
 * buckets and their usage priority, the two-phase purchase and the binding of traffic cards.
 *
 * <p>Every bucket is a ledger account counting {@link org.telco.ledger.Asset#DATA_BYTES}: data is
 * issued into it, used or expired out of it, and reserved from it by pending transfers while a
 * charging session holds a grant ({@link TrafficAccounts}). The domain is plain Java: the stores
 * are ports, and the app wires them to PostgreSQL.
 */
package org.telco.traffic;
