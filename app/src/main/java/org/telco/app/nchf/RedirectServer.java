package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the consumer redirects the user's traffic when the final units are used up (TS 32.291
 * RedirectServer), such as a top-up page. Both fields are mandatory.
 *
 * @param redirectAddressType the kind of address, such as URL
 * @param redirectServerAddress the address
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RedirectServer(
    RedirectAddressType redirectAddressType, String redirectServerAddress) {}
