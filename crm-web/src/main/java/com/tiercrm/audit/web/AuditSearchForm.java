package com.tiercrm.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;

import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditQuery;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The audit log's filter, as the page and the API take it: dates are whole days in the
 * installation's zone, {@code to} included.
 *
 * @param action one action
 * @param actor one username
 * @param from the first day
 * @param to the last day
 * @param text a fragment of the target or details
 * @param before the id after which the next page starts
 */
record AuditSearchForm(@Nullable AuditAction action, @Nullable @Size(max = 100) String actor,
		@Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, @Nullable @Size(max = 100) String text,
		@Nullable Long before) {

	AuditQuery toQuery(ZoneId zone) {
		return new AuditQuery(this.action, this.actor,
				(this.from != null) ? this.from.atStartOfDay(zone).toInstant() : null,
				(this.to != null) ? this.to.plusDays(1).atStartOfDay(zone).toInstant() : null, this.text);
	}

}
