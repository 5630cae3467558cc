package com.tiercrm.interaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.tiercrm.account.AccessScope;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs the contacts reps make, now or back-dated, against customers they may see, and
 * moves the customer's last contact forward when the contact is the latest.
 */
@Service
public class InteractionLog {

	/**
	 * How far in the future a contact may be dated: a clock a little ahead, not a contact
	 * that has not happened.
	 */
	public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

	private final NamedParameterJdbcTemplate jdbc;

	private final InteractionRepository interactions;

	private final Clock clock;

	@Autowired
	InteractionLog(NamedParameterJdbcTemplate jdbc, InteractionRepository interactions) {
		this(jdbc, interactions, Clock.systemUTC());
	}

	InteractionLog(NamedParameterJdbcTemplate jdbc, InteractionRepository interactions, Clock clock) {
		this.jdbc = jdbc;
		this.interactions = interactions;
		this.clock = clock;
	}

	/**
	 * Records a contact with a customer, happening now.
	 * @param customerCode the customer's code
	 * @param type what kind of contact
	 * @param notes free text, blank for none
	 * @param satisfaction the customer's score from 1 to 5, if given
	 * @param repId who made the contact
	 * @param scope what the rep may see
	 * @return the stored interaction
	 * @throws UnknownCustomerException if there is no such customer within the scope
	 */
	@Transactional
	public Interaction log(String customerCode, InteractionType type, @Nullable String notes,
			@Nullable Integer satisfaction, long repId, AccessScope scope) {
		return log(customerCode, type, null, notes, satisfaction, repId, scope);
	}

	/**
	 * Whether a contact may be dated at a time: not later than a few minutes from now.
	 * @param occurredAt when the contact happened
	 * @return whether it is not in the future
	 */
	public boolean acceptable(Instant occurredAt) {
		return !occurredAt.isAfter(Instant.now(this.clock).plus(FUTURE_TOLERANCE));
	}

	/**
	 * Records a contact with a customer, now or at an earlier time. A back-dated contact
	 * moves the customer's last contact only if it is later than every other.
	 * @param customerCode the customer's code
	 * @param type what kind of contact
	 * @param occurredAt when it happened, {@code null} for now
	 * @param notes free text, blank for none
	 * @param satisfaction the customer's score from 1 to 5, if given
	 * @param repId who made the contact
	 * @param scope what the rep may see
	 * @return the stored interaction
	 * @throws UnknownCustomerException if there is no such customer within the scope
	 * @throws IllegalArgumentException if the contact is dated in the future
	 */
	@Transactional
	public Interaction log(String customerCode, InteractionType type, @Nullable Instant occurredAt,
			@Nullable String notes, @Nullable Integer satisfaction, long repId, AccessScope scope) {
		if (occurredAt != null && !acceptable(occurredAt)) {
			throw new IllegalArgumentException("A contact cannot be dated in the future: " + occurredAt);
		}
		// Plain SQL rather than the customer module, which depends on this one.
		Long customerId = this.jdbc
			.queryForList("select c.id from customers c where c.code = :code and " + scope.ownerCondition("c.owner_id"),
					new MapSqlParameterSource("code", customerCode).addValue("scopeUser", scope.userId()), Long.class)
			.stream()
			.findFirst()
			.orElseThrow(() -> new UnknownCustomerException(customerCode));
		// Microseconds, as the database keeps them: the stored time and the last contact
		// must be equal.
		Instant at = ((occurredAt != null) ? occurredAt : Instant.now(this.clock)).truncatedTo(ChronoUnit.MICROS);
		Interaction interaction = new Interaction(customerId, type, at, repId);
		interaction.setNotes((notes == null || notes.isBlank()) ? null : notes.strip());
		interaction.setSatisfaction(satisfaction);
		Interaction saved = this.interactions.save(interaction);
		LastContacts.advance(this.jdbc, customerId, at);
		return saved;
	}

}
