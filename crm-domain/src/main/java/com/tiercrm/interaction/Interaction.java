package com.tiercrm.interaction;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One contact with a customer, optionally with the satisfaction score (1–5) the customer
 * gave.
 */
@Entity
@Table(name = "interactions")
public class Interaction {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long customerId;

	@Enumerated(EnumType.STRING)
	private InteractionType type;

	private Instant occurredAt;

	private @Nullable Long repId;

	private @Nullable Short satisfaction;

	private @Nullable String notes;

	protected Interaction() {
		this(0, InteractionType.CALL, Instant.EPOCH, null);
	}

	public Interaction(long customerId, InteractionType type, Instant occurredAt, @Nullable Long repId) {
		this.customerId = customerId;
		this.type = type;
		this.occurredAt = occurredAt;
		this.repId = repId;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public long getCustomerId() {
		return this.customerId;
	}

	public InteractionType getType() {
		return this.type;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public @Nullable Long getRepId() {
		return this.repId;
	}

	public @Nullable Short getSatisfaction() {
		return this.satisfaction;
	}

	public void setSatisfaction(@Nullable Integer satisfaction) {
		if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
			throw new IllegalArgumentException("Satisfaction must be between 1 and 5");
		}
		this.satisfaction = (satisfaction != null) ? satisfaction.shortValue() : null;
	}

	public @Nullable String getNotes() {
		return this.notes;
	}

	public void setNotes(@Nullable String notes) {
		this.notes = notes;
	}

}
