package com.tiercrm.tiering.run;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.modulith.NamedInterface;

/**
 * How and when segmentation runs.
 *
 * @param zone the zone whose calendar days orders fall on and whose "today" is the
 * default as-of date
 * @param cron when scheduled runs start (default: 02:00 on the first of every month); "-"
 * disables them
 * @param retainedRuns how many succeeded runs to keep; older ones are deleted after a
 * publish
 * @param fetchSize rows per round trip when streaming orders
 * @param previewFactsTtl how long a preview keeps the facts it read after they were last
 * used
 */
@NamedInterface("run")
@ConfigurationProperties("tiercrm.segmentation")
public record SegmentationProperties(@DefaultValue("Asia/Shanghai") ZoneId zone,
		@DefaultValue("0 0 2 1 * *") String cron, @DefaultValue("24") int retainedRuns,
		@DefaultValue("20000") int fetchSize, @DefaultValue("5m") Duration previewFactsTtl) {

}
