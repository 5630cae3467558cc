package com.tiercrm.security;

import com.tiercrm.web.Formats;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} needs besides its controller: our security chains and the
 * template helpers.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, Formats.class })
public class WebSliceConfiguration {

}
