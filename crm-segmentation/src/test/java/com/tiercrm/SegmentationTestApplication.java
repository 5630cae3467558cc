package com.tiercrm;

import com.tiercrm.tiering.run.SegmentationProperties;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The configuration that integration tests of the segmentation module start from.
 */
@SpringBootApplication
@EnableConfigurationProperties(SegmentationProperties.class)
class SegmentationTestApplication {

}
