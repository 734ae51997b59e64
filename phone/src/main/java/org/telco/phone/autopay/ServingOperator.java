package org.telco.phone.autopay;

/**
 * The operator that serves a number, as the network's lookup tells it.
 *
 * @param operatorId the operator's id
 * @param apiUrl where its API is
 */
public record ServingOperator(String operatorId, String apiUrl) {}
