package com.tiercrm.tiering.run;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunScheduleTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void defaultScheduleRunsAtTwoOnTheFirstOfTheNextMonth() {
		SegmentationProperties monthly = new SegmentationProperties(SHANGHAI, "0 0 2 1 * *", 24, 20000,
				Duration.ofMinutes(5));
		assertThat(RunSchedule.next(monthly, Instant.parse("2026-12-07T02:20:00Z")))
			.contains(ZonedDateTime.of(2027, 1, 1, 2, 0, 0, 0, SHANGHAI));
	}

	@Test
	void nextRunIsReadInTheSchedulesZone() {
		SegmentationProperties monthly = new SegmentationProperties(SHANGHAI, "0 0 2 1 * *", 24, 20000,
				Duration.ofMinutes(5));
		// 17:30 UTC on 31 December is 01:30 on 1 January in Shanghai: the run is that
		// night.
		assertThat(RunSchedule.next(monthly, Instant.parse("2026-12-31T17:30:00Z")))
			.contains(ZonedDateTime.of(2027, 1, 1, 2, 0, 0, 0, SHANGHAI));
	}

	@Test
	void disabledScheduleHasNoNextRun() {
		SegmentationProperties off = new SegmentationProperties(SHANGHAI, "-", 24, 20000, Duration.ofMinutes(5));
		assertThat(RunSchedule.next(off, Instant.parse("2026-12-07T02:20:00Z"))).isEmpty();
	}

}
