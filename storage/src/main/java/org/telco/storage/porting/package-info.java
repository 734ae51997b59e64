/** The clearinghouse's porting tables on PostgreSQL (flow F4): {@link PgPortingStore}. */
package org.telco.storage.porting;
