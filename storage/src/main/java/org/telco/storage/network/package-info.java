/** The simulated network's state in PostgreSQL: {@link org.telco.storage.network.PgHlrStore}. */
package org.telco.storage.network;
