package com.tiercrm.book.web;

import java.time.LocalDateTime;

import com.tiercrm.interaction.InteractionType;
import com.tiercrm.web.EntryTimes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The quick form on a book row: a contact with the customer, logged at the time it
 * happened (now by default).
 *
 * @param customer the customer's code
 * @param type what kind of contact
 * @param occurredAt when, in the installation's time zone; blank for now
 * @param notes what was said, optional
 * @param satisfaction the customer's score from 1 to 5, optional
 * @param rep whose book to show afterwards
 * @param page which page of the book to show afterwards
 */
record InteractionForm(@NotBlank @Size(max = 64) @Nullable String customer, @NotNull @Nullable InteractionType type,
		@DateTimeFormat(pattern = EntryTimes.INPUT_PATTERN,
				fallbackPatterns = EntryTimes.INPUT_PATTERN_SECONDS) @Nullable LocalDateTime occurredAt,
		@Size(max = 2000) @Nullable String notes, @Min(1) @Max(5) @Nullable Integer satisfaction, @Nullable Long rep,
		@Min(1) @Nullable Integer page) {

}
