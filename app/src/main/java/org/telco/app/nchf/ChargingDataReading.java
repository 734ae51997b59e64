package org.telco.app.nchf;

import java.util.Objects;

/**
 * What {@link NchfRequests#read} made of a request body: a request whose mandatory IEs are present
 * and whose modelled IEs have the right types and ranges, or the 400 problem to answer with.
 */
public sealed interface ChargingDataReading {

  /**
   * The body is a well-formed charging data request.
   *
   * @param request the request
   */
  record Valid(ChargingDataRequest request) implements ChargingDataReading {
    /** Requires the request. */
    public Valid {
      Objects.requireNonNull(request, "request");
    }
  }

  /**
   * The body is rejected; answer 400 with the problem as {@code application/problem+json}.
   *
   * @param problem the problem, with its 3GPP cause and the offending fields as JSON pointers
   */
  record Invalid(ProblemDetails problem) implements ChargingDataReading {
    /** Requires the problem. */
    public Invalid {
      Objects.requireNonNull(problem, "problem");
    }
  }
}
