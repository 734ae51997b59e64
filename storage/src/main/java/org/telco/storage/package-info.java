/**
 * PostgreSQL plumbing: an embedded server run from shipped binaries ({@link
 * org.telco.storage.EmbeddedPostgres}) and a migrated, pooled {@link org.telco.storage.Database}.
 * The stores live in the subpackages.
 */
package org.telco.storage;
