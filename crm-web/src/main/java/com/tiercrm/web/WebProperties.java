package com.tiercrm.web;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How pages present data.
 *
 * @param timeZone the zone that times are shown in
 */
@ConfigurationProperties("tiercrm.web")
public record WebProperties(@DefaultValue("Asia/Shanghai") ZoneId timeZone) {

}
