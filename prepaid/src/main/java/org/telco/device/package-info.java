/**
 * Number-bound payment for input-less devices (flow F3, seed 002): a TV box with a device id and a
 * data SIM has no keypad, so its owner binds it to a paying number by texting {@code BIND <device
 * id>} from the phone to the binding short code; purchases on the device are then charged to that
 * number within a monthly spend cap, until {@code UNBIND}. This package holds the values, the rules
 * and the store port; the device holds only an opaque binding token, never the paying number. Plain
 * Java; time comes in as {@code Instant}, randomness as {@code RandomGenerator}.
 */
package org.telco.device;
