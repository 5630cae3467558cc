package com.tiercrm.task;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A follow-up planned on a customer for one user (the assignee), due at a time; done once
 * someone marks it so.
 */
@Entity
@Table(name = "tasks")
class Task {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long customerId;

	private long assigneeId;

	private Instant dueAt;

	private @Nullable String note;

	private long createdBy;

	private Instant createdAt;

	private @Nullable Instant doneAt;

	private @Nullable Long doneBy;

	private @Nullable Instant remindedAt;

	@Version
	private long version;

	protected Task() {
		this(0, 0, Instant.EPOCH, null, 0, Instant.EPOCH);
	}

	Task(long customerId, long assigneeId, Instant dueAt, @Nullable String note, long createdBy, Instant createdAt) {
		this.customerId = customerId;
		this.assigneeId = assigneeId;
		this.dueAt = dueAt;
		this.note = note;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	@Nullable Long getId() {
		return this.id;
	}

	long getCustomerId() {
		return this.customerId;
	}

	long getVersion() {
		return this.version;
	}

	boolean isDone() {
		return this.doneAt != null;
	}

	/**
	 * Changes what the assignee is to do and when; a new due time is reminded of again.
	 */
	void plan(long assigneeId, Instant dueAt, @Nullable String note) {
		if (!dueAt.equals(this.dueAt) || assigneeId != this.assigneeId) {
			this.remindedAt = null;
		}
		this.assigneeId = assigneeId;
		this.dueAt = dueAt;
		this.note = note;
	}

	/**
	 * Marks the task done by a user, unless it already is; a done task is no longer
	 * reminded of.
	 */
	void complete(long userId, Instant at) {
		if (this.doneAt == null) {
			this.doneAt = at;
			this.doneBy = userId;
			if (this.remindedAt == null) {
				this.remindedAt = at;
			}
		}
	}

}
