/**
 * Time as the rest of Telco sees it: an injected {@link java.time.Clock} (the {@link
 * org.telco.time.SimulatedClock} for demos and tests) and durable timers, which are rows written
 * with the state change that needs them and fired by a {@link org.telco.time.TimerPoller}.
 */
package org.telco.time;
