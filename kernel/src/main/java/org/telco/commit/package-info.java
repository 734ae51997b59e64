/** Group commit: many callers' writes made durable together by a writer thread. */
package org.telco.commit;
