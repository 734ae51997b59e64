package org.telco.app.console;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.telco.app.porting.NumberPort;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

/**
 * What the operator console reads from the node rather than from the operator's features.
 *
 * @param portedTo where a number was ported to, by the node's routing replica
 * @param ports a number's port requests this operator took part in, from the clearinghouse (throws
 *     {@link org.telco.web.PeerCallException} when it cannot be reached)
 * @param chargingRequests Nchf requests the node served since it started (its Micrometer counter)
 * @param wallClock the real time, for the dashboard's rates
 */
public record ConsoleFeeds(
    Function<Msisdn, Optional<OperatorId>> portedTo,
    Function<Msisdn, List<NumberPort>> ports,
    LongSupplier chargingRequests,
    Clock wallClock) {}
