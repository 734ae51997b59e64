package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who asks for charging (TS 32.291 NFIdentification): the consumer network function's kind and
 * where it is. Only {@code nodeFunctionality} is mandatory.
 *
 * @param nfName the NF instance id, a UUID ({@code nFName})
 * @param nfIpv4Address its IPv4 address ({@code nFIPv4Address})
 * @param nfIpv6Address its IPv6 address ({@code nFIPv6Address})
 * @param nfPlmnId its PLMN ({@code nFPLMNID})
 * @param nodeFunctionality the kind of NF, such as SMF
 * @param nfFqdn its host name ({@code nFFqdn})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record NFIdentification(
    @JsonProperty("nFName") String nfName,
    @JsonProperty("nFIPv4Address") String nfIpv4Address,
    @JsonProperty("nFIPv6Address") String nfIpv6Address,
    @JsonProperty("nFPLMNID") PlmnId nfPlmnId,
    @JsonProperty("nodeFunctionality") NodeFunctionality nodeFunctionality,
    @JsonProperty("nFFqdn") String nfFqdn) {

  /** An identification by kind and instance id only, as most SMFs send it. */
  public static NFIdentification of(NodeFunctionality nodeFunctionality, String nfName) {
    return new NFIdentification(nfName, null, null, null, nodeFunctionality, null);
  }
}
