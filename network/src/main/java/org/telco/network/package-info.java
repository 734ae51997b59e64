/**
 * The operator's side of the radio network: {@link org.telco.network.NetworkCommand}s to bar, unbar
 * and end the data sessions of a line, sent through the outbox ({@link
 * org.telco.network.NetworkCommands}, {@link org.telco.network.NetworkCommandHandler}) to a {@link
 * org.telco.network.NetworkGateway}, by default the {@link org.telco.network.SimulatedHlr}.
 */
package org.telco.network;
