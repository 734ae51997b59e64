/** Small concurrency helpers shared by the flows. */
package org.telco.concurrent;
