/**
 * Mobile number portability (flow F4, docs/portability.md): the porting protocol between the
 * terminal, the donor, the recipient and the clearinghouse, and the number-routing database that
 * tells every operator where a ported number now lives. Plain Java: no SQL, JSON, HTTP, threads or
 * wall clock.
 */
package org.telco.porting;
