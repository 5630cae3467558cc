package com.tiercrm;

import com.tiercrm.order.SalesProperties;
import com.tiercrm.tiering.run.SegmentationProperties;
import com.tiercrm.web.WebProperties;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The configuration that web slice tests start from.
 */
@SpringBootApplication
@EnableConfigurationProperties({ SalesProperties.class, WebProperties.class, SegmentationProperties.class })
class WebTestApplication {

}
