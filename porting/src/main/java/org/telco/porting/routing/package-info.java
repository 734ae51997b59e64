/**
 * The number-routing database as every node holds it in memory (docs/portability.md, "Routing
 * database"): which ported numbers live with which recipient operator, kept current by a stream of
 * versioned routing changes.
 *
 * <p>{@link org.telco.porting.routing.RoutingTable} is the lookup structure: one {@code long} per
 * slot, lock-free readers, one writer. {@link org.telco.porting.routing.RoutingReplica} applies
 * routing changes to it strictly in version order and reports a gap so the caller can resync from a
 * snapshot. Plain Java: no SQL, JSON, HTTP, wall clock or threads; the only concurrency is the
 * memory ordering that lets readers run while the single writer applies changes.
 */
package org.telco.porting.routing;
