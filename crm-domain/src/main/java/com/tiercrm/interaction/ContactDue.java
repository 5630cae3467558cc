package com.tiercrm.interaction;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When a customer was last contacted and when the next contact is due under the contact
 * cadence of their tier's policy. A customer never contacted is due at once; one without
 * a cadence (no tier, no policy) is never due.
 *
 * @param lastContact the latest interaction, {@code null} if none
 * @param cadenceDays the contact cadence in force, {@code null} if none
 * @param nextDue last contact plus cadence, {@code null} if either is missing
 * @param overdue whether the contact is due and has not happened
 */
public record ContactDue(@Nullable Instant lastContact, @Nullable Integer cadenceDays, @Nullable Instant nextDue,
		boolean overdue) {

	/**
	 * The schedule of a customer.
	 * @param lastContact the latest interaction, if any
	 * @param cadenceDays the contact cadence of the tier's policy in force, if any
	 * @param now the time to compare with
	 * @return the schedule
	 */
	public static ContactDue of(@Nullable Instant lastContact, @Nullable Integer cadenceDays, Instant now) {
		Instant due = (lastContact != null && cadenceDays != null) ? lastContact.plus(Duration.ofDays(cadenceDays))
				: null;
		boolean overdue = cadenceDays != null && (due == null || due.isBefore(now));
		return new ContactDue(lastContact, cadenceDays, due, overdue);
	}

	/**
	 * Whether the customer was never contacted although a cadence applies.
	 * @return {@code true} if the first contact is still outstanding
	 */
	public boolean neverContacted() {
		return this.cadenceDays != null && this.lastContact == null;
	}

}
