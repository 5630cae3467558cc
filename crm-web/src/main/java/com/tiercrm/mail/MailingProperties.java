package com.tiercrm.mail;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the mail that TierCRM sends. Nothing is sent unless
 * {@code spring.mail.host} is set and the kind of mail is enabled: the demo data never
 * mails anyone by itself.
 *
 * @param baseUrl the address of the application as users reach it, which the links in the
 * mail start with (never taken from a request)
 * @param from the sender's address
 * @param sweepInterval how often each instance checks for mail that is due; a mail that
 * could not be sent is tried again at the next check
 * @param digests the daily digest
 * @param reports the monthly tiering report
 */
@ConfigurationProperties("tiercrm.mail")
public record MailingProperties(@DefaultValue("http://localhost:8080") URI baseUrl,
		@DefaultValue("tiercrm@localhost") String from, @DefaultValue("5m") Duration sweepInterval,
		@DefaultValue Digests digests, @DefaultValue Reports reports) {

	/**
	 * The base address without a trailing slash, for links written {@code base + path}.
	 */
	public String base() {
		String base = this.baseUrl.toString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/**
	 * The daily digest.
	 *
	 * @param enabled whether digests are sent
	 * @param sendAt the time of day, in the installation's zone
	 * ({@code tiercrm.web.time-zone}), from which each day's digests are sent
	 * @param limit how many of each list a digest shows
	 */
	public record Digests(@DefaultValue("false") boolean enabled, @DefaultValue("07:30") LocalTime sendAt,
			@DefaultValue("10") int limit) {

		/**
		 * Whether the day's digests are due at the given local time.
		 */
		boolean due(ZonedDateTime local) {
			return !local.toLocalTime().isBefore(this.sendAt);
		}

	}

	/**
	 * The monthly tiering report.
	 *
	 * @param enabled whether reports are sent
	 * @param dayOfMonth the day of the month it is sent on (the month's last day where
	 * the month is shorter)
	 * @param sendAt the time of day, in the installation's zone, from which it is sent
	 */
	public record Reports(@DefaultValue("false") boolean enabled, @DefaultValue("1") int dayOfMonth,
			@DefaultValue("08:00") LocalTime sendAt) {

		/**
		 * Whether the month's reports are due at the given local time: from the send time
		 * of the day of the month on, to the month's end.
		 */
		boolean due(ZonedDateTime local) {
			LocalDate day = local.toLocalDate();
			int sendOn = Math.min(Math.max(this.dayOfMonth, 1), day.lengthOfMonth());
			return day.getDayOfMonth() > sendOn
					|| (day.getDayOfMonth() == sendOn && !local.toLocalTime().isBefore(this.sendAt));
		}

	}

}
