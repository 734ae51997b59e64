/** Durable timers in PostgreSQL: {@link org.telco.storage.time.PgTimerStore}. */
package org.telco.storage.time;
