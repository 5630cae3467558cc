package com.tiercrm.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The times people enter in forms ({@code <input type="datetime-local">}): read and
 * proposed in the installation's time zone ({@code tiercrm.web.time-zone}), the one pages
 * show times in.
 */
@Component
public class EntryTimes {

	/** How a {@code datetime-local} input writes a time; seconds are optional. */
	public static final String INPUT_PATTERN = "yyyy-MM-dd'T'HH:mm";

	public static final String INPUT_PATTERN_SECONDS = "yyyy-MM-dd'T'HH:mm:ss";

	private final ZoneId zone;

	private final Clock clock;

	@Autowired
	EntryTimes(WebProperties web) {
		this(web.timeZone(), Clock.systemUTC());
	}

	public EntryTimes(ZoneId zone, Clock clock) {
		this.zone = zone;
		this.clock = clock;
	}

	/** Now, to the minute, as a form proposes it. */
	public LocalDateTime now() {
		return LocalDateTime.now(this.clock.withZone(this.zone)).truncatedTo(ChronoUnit.MINUTES);
	}

	/** The instant a time entered in a form means. */
	public Instant instant(LocalDateTime local) {
		return local.atZone(this.zone).toInstant();
	}

	/** A stored instant as a form shows it, to the minute. */
	public LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, this.zone).truncatedTo(ChronoUnit.MINUTES);
	}

}
