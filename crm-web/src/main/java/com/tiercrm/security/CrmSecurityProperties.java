package com.tiercrm.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the JSON API authenticates.
 *
 * @param apiBasicAuth whether the API accepts username and password (HTTP Basic) besides
 * personal access tokens; off in the {@code postgres} profile
 */
@ConfigurationProperties("tiercrm.security")
public record CrmSecurityProperties(@DefaultValue("true") boolean apiBasicAuth) {

}
