package com.tiercrm.tiering.run;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the segmentation on the configured schedule. The database lock in
 * {@link SegmentationRuns} keeps a second instance of the application from running it at
 * the same time.
 */
@Component
class ScheduledSegmentation {

	private static final Log logger = LogFactory.getLog(ScheduledSegmentation.class);

	private final SegmentationRuns runs;

	ScheduledSegmentation(SegmentationRuns runs) {
		this.runs = runs;
	}

	@Scheduled(cron = "${tiercrm.segmentation.cron:0 0 2 1 * *}", zone = "${tiercrm.segmentation.zone:Asia/Shanghai}")
	void run() {
		try {
			this.runs.runNow(new RunRequest(null, null, RunTrigger.SCHEDULE, null));
		}
		catch (RunInProgressException ex) {
			logger.info("Scheduled segmentation skipped: run " + ex.runningRunId() + " is in progress");
		}
	}

}
