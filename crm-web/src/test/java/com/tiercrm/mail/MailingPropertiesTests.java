package com.tiercrm.mail;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the day's digests and the month's reports are due, in the installation's zone.
 */
class MailingPropertiesTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void digestsAreDueFromTheirTimeOfDayToMidnight() {
		MailingProperties.Digests digests = new MailingProperties.Digests(true, LocalTime.of(7, 30), 10);
		assertThat(digests.due(at(2026, 12, 7, 7, 29))).isFalse();
		assertThat(digests.due(at(2026, 12, 7, 7, 30))).isTrue();
		assertThat(digests.due(at(2026, 12, 7, 23, 59))).isTrue();
		assertThat(digests.due(at(2026, 12, 8, 0, 0))).isFalse();
	}

	@Test
	void reportsAreDueFromTheirDayAndTimeToTheMonthsEnd() {
		MailingProperties.Reports reports = new MailingProperties.Reports(true, 3, LocalTime.of(8, 0));
		assertThat(reports.due(at(2026, 12, 2, 23, 0))).isFalse();
		assertThat(reports.due(at(2026, 12, 3, 7, 59))).isFalse();
		assertThat(reports.due(at(2026, 12, 3, 8, 0))).isTrue();
		assertThat(reports.due(at(2026, 12, 31, 1, 0))).isTrue();
		assertThat(reports.due(at(2027, 1, 1, 9, 0))).isFalse();
	}

	@Test
	void aDayBeyondTheMonthsLengthMeansItsLastDay() {
		MailingProperties.Reports reports = new MailingProperties.Reports(true, 31, LocalTime.of(8, 0));
		assertThat(reports.due(at(2027, 2, 27, 12, 0))).isFalse();
		assertThat(reports.due(at(2027, 2, 28, 8, 0))).isTrue();
	}

	private static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
		return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SHANGHAI);
	}

}
