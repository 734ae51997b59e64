/**
 * Devices, bindings and their purchases in PostgreSQL: {@link
 * org.telco.storage.device.PgDeviceStore}.
 */
package org.telco.storage.device;
