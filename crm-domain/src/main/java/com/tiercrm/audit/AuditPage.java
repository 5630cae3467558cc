package com.tiercrm.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of audit entries, newest first.
 *
 * @param entries the entries
 * @param nextBefore the id to ask entries before for the next page, {@code null} on the
 * last page
 */
public record AuditPage(List<AuditEntry> entries, @Nullable Long nextBefore) {

	public AuditPage {
		entries = List.copyOf(entries);
	}

}
