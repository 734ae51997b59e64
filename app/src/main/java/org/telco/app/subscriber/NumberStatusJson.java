package org.telco.app.subscriber;

/**
 * What a partner may know about a number: NORMAL, RESTRICTED or UNKNOWN, never why.
 *
 * @param msisdn the number asked about
 * @param state its state
 */
record NumberStatusJson(String msisdn, String state) {}
