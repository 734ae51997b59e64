package org.telco.app.console;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

/**
 * What the operator console reads from the node rather than from the operator's features.
 *
 * @param portedTo where a number was ported to, by the node's routing replica
 * @param chargingRequests Nchf requests the node served since it started (its Micrometer counter)
 * @param wallClock the real time, for the dashboard's rates
 */
public record ConsoleFeeds(
    Function<Msisdn, Optional<OperatorId>> portedTo,
    LongSupplier chargingRequests,
    Clock wallClock) {}
