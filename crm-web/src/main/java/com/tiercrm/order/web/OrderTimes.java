package com.tiercrm.order.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The times of orders as forms and clients write them without an offset: in the zone
 * pages show times in. Read from the setting itself: the web module, which holds it,
 * depends on this one.
 */
@Component
class OrderTimes {

	static final String ZONE = "${tiercrm.web.time-zone:Asia/Shanghai}";

	/** How a {@code datetime-local} input writes a time; seconds are optional. */
	static final String INPUT_PATTERN = "yyyy-MM-dd'T'HH:mm";

	static final String INPUT_PATTERN_SECONDS = "yyyy-MM-dd'T'HH:mm:ss";

	private final ZoneId zone;

	OrderTimes(@Value(ZONE) String zone) {
		this.zone = ZoneId.of(zone);
	}

	/** Now, to the minute, as a form proposes it. */
	LocalDateTime now() {
		return LocalDateTime.now(this.zone).truncatedTo(ChronoUnit.MINUTES);
	}

	Instant instant(LocalDateTime local) {
		return local.atZone(this.zone).toInstant();
	}

	/** A stored time as a form shows it, to the minute. */
	LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, this.zone).truncatedTo(ChronoUnit.MINUTES);
	}

}
