package com.tiercrm.task.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A follow-up as the pages' forms send it: the due date and time in the installation's
 * time zone.
 *
 * @param customer the customer's code
 * @param assignee who is to do it; blank for the default
 * @param dueDate the day it is due
 * @param dueTime the time it is due
 * @param note what to do, optional
 * @param version the version an edit is based on; blank when planning
 * @param returnTo the page to go back to, a path on this site
 */
record TaskForm(@NotBlank @Size(max = 64) @Nullable String customer, @Nullable Long assignee,
		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueDate,
		@NotNull @DateTimeFormat(pattern = "HH:mm") @Nullable LocalTime dueTime,
		@Size(max = 2000) @Nullable String note, @Nullable Long version,
		@Size(max = 500) @Pattern(regexp = "/(?![/\\\\]).*") @Nullable String returnTo) {

	Instant dueAt(ZoneId zone) {
		return Objects.requireNonNull(this.dueDate)
			.atTime(Objects.requireNonNull(this.dueTime))
			.atZone(zone)
			.toInstant();
	}

}
