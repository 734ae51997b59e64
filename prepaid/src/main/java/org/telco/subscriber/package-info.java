/**
 * Subscribers of a prepaid operator: numbers in the operator's ranges, their plans, their lifecycle
 * states and what the number status query may reveal of them.
 */
package org.telco.subscriber;
