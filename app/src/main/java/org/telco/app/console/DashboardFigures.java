package org.telco.app.console;

import java.time.Instant;

/**
 * The dashboard's figures at one moment. Counters count since the node started; rates are per
 * second over the last few seconds of samples ({@link FigureSamples}).
 *
 * @param at when they were read (wall clock)
 * @param subscribers subscribers of every state
 * @param barred numbers barred for arrears
 * @param onEmergencyCredit numbers open on an emergency advance
 * @param chargingRequests Nchf requests served
 * @param chargingPerSecond Nchf requests per second
 * @param topUps top-ups recorded
 * @param topUpsFen their total
 * @param smsAccepted SMS accepted by the centre
 * @param smsPerSecond SMS per second
 * @param emergencyOutstandingFen emergency credit advanced and not repaid
 */
public record DashboardFigures(
    Instant at,
    long subscribers,
    long barred,
    long onEmergencyCredit,
    long chargingRequests,
    double chargingPerSecond,
    long topUps,
    long topUpsFen,
    long smsAccepted,
    double smsPerSecond,
    long emergencyOutstandingFen) {}
