package com.tiercrm.tiering.run;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;

/**
 * When the next scheduled run starts, read from the same cron expression and zone that
 * schedule it, so the pages never promise a run the schedule does not hold.
 */
@NamedInterface("run")
public final class RunSchedule {

	private RunSchedule() {
	}

	/**
	 * The start of the first scheduled run after {@code now}, in the schedule's zone;
	 * empty when scheduled runs are switched off ({@code -}).
	 */
	public static Optional<ZonedDateTime> next(SegmentationProperties properties, Instant now) {
		String cron = properties.cron().strip();
		if (cron.equals(Scheduled.CRON_DISABLED)) {
			return Optional.empty();
		}
		return Optional.ofNullable(CronExpression.parse(cron).next(now.atZone(properties.zone())));
	}

}
