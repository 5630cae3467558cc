package com.tiercrm.task;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A task as pages and the API show it.
 *
 * @param id the task
 * @param customerCode the customer's code
 * @param customerName the customer's name
 * @param assigneeId who is to do it
 * @param assigneeName their display name
 * @param dueAt when it is due
 * @param note what to do, {@code null} for nothing written
 * @param createdAt when it was planned
 * @param doneAt when it was done, {@code null} while open
 * @param doneByName who marked it done, {@code null} while open
 * @param version the version an edit is based on
 */
public record TaskView(long id, String customerCode, String customerName, long assigneeId, String assigneeName,
		Instant dueAt, @Nullable String note, Instant createdAt, @Nullable Instant doneAt, @Nullable String doneByName,
		long version) {

	public boolean done() {
		return this.doneAt != null;
	}

	/**
	 * Whether it is open and past its due time.
	 * @param now the time to compare with
	 * @return {@code true} if overdue
	 */
	public boolean overdueAt(Instant now) {
		return this.doneAt == null && this.dueAt.isBefore(now);
	}

}
