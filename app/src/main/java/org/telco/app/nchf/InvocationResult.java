package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of an invocation as a whole (TS 32.291 InvocationResult): an error, and what the
 * consumer should do when the CHF fails.
 *
 * @param error the problem, or null
 * @param failureHandling terminate, continue, or retry and then terminate, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvocationResult(ProblemDetails error, FailureHandling failureHandling) {}
