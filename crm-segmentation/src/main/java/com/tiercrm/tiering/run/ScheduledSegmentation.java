package com.tiercrm.tiering.run;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the segmentation on the configured schedule, on one instance only: every instance
 * fires, and the first to take the ShedLock lock runs it. The lock is kept for a while
 * after a quick run, so that an instance whose clock is a little behind does not fire
 * again; the run lock in {@link SegmentationRuns} still keeps two runs from overlapping.
 */
@Component
class ScheduledSegmentation {

	private static final Log logger = LogFactory.getLog(ScheduledSegmentation.class);

	private final SegmentationRuns runs;

	ScheduledSegmentation(SegmentationRuns runs) {
		this.runs = runs;
	}

	@Scheduled(cron = "${tiercrm.segmentation.cron:0 0 2 1 * *}", zone = "${tiercrm.segmentation.zone:Asia/Shanghai}")
	@SchedulerLock(name = "scheduled-segmentation",
			lockAtLeastFor = "${tiercrm.segmentation.schedule-lock-at-least:PT5M}", lockAtMostFor = "PT6H")
	void run() {
		try {
			this.runs.runNow(new RunRequest(null, null, RunTrigger.SCHEDULE, null));
		}
		catch (RunInProgressException ex) {
			logger.info("Scheduled segmentation skipped: run " + ex.runningRunId() + " is in progress");
		}
	}

}
