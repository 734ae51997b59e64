/**
 * The durable stores of flow F5 (V019): {@link org.telco.storage.traffic.PgBucketStore}, {@link
 * org.telco.storage.traffic.PgPurchaseStore}, {@link org.telco.storage.traffic.PgCardStore} and
 * {@link org.telco.storage.traffic.PgSessionStore}. Each behaves like its in-memory reference store
 * and passes the same contract suite, with the database deciding the races.
 */
package org.telco.storage.traffic;
