package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the consumer asks for and reports in one rating group (TS 32.291 MultipleUnitUsage). {@code
 * ratingGroup} is mandatory.
 *
 * @param ratingGroup the rating group (Uint32)
 * @param requestedUnit the quota asked for, or null when the consumer only reports
 * @param usedUnitContainer the units used since the last report, or null
 * @param upfId the UPF that counted the usage, a UUID ({@code uPFID})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MultipleUnitUsage(
    @JsonProperty("ratingGroup") long ratingGroup,
    @JsonProperty("requestedUnit") RequestedUnit requestedUnit,
    @JsonProperty("usedUnitContainer") List<UsedUnitContainer> usedUnitContainer,
    @JsonProperty("uPFID") String upfId) {}
