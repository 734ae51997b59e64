package org.telco.app;

import java.util.Map;
import org.telco.sms.EsmeAccounts;
import org.telco.subscriber.OperatorId;
import org.telco.web.PeerClient;

/**
 * How an operator meets the outside: its SMS centre's SMPP server and peers, and the clearinghouse.
 *
 * @param smppPort where its SMPP server listens
 * @param esmes who may bind to it
 * @param peers clients for the other operators' nodes, by operator
 * @param clearinghouse the client for the clearinghouse; null when this node runs without one
 */
public record OperatorLinks(
    int smppPort,
    EsmeAccounts esmes,
    Map<OperatorId, PeerClient> peers,
    PeerClient clearinghouse) {}
