/**
 * The operator's side of the radio network: commands to bar, unbar and cut data sessions of a
 * number, sent through the outbox to a network gateway.
 */
package org.telco.network;
