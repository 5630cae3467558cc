package com.tiercrm.interaction.web;

import java.time.LocalDateTime;

import com.tiercrm.interaction.InteractionType;
import com.tiercrm.web.EntryTimes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A contact logged from the customer page, at the time it happened.
 *
 * @param type what kind of contact
 * @param occurredAt when, in the installation's time zone; now by default
 * @param satisfaction the customer's score from 1 to 5, optional
 * @param notes what was said, optional
 */
record ContactForm(@NotNull @Nullable InteractionType type,
		@NotNull @DateTimeFormat(pattern = EntryTimes.INPUT_PATTERN,
				fallbackPatterns = EntryTimes.INPUT_PATTERN_SECONDS) @Nullable LocalDateTime occurredAt,
		@Min(1) @Max(5) @Nullable Integer satisfaction, @Size(max = 2000) @Nullable String notes) {

	static ContactForm now(EntryTimes times) {
		return new ContactForm(InteractionType.CALL, times.now(), null, null);
	}

}
