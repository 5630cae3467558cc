package com.tiercrm.interaction;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import com.tiercrm.bookorder.BookKeys;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * Keeps {@code customers.last_contact_at}, the time of each customer's latest
 * interaction, in step with the interactions, so that books and overdue counts read one
 * column instead of aggregating every interaction. Whatever writes interactions calls one
 * of these in the same transaction; each also writes the customers' {@link BookKeys}.
 */
public final class LastContacts {

	/** Recomputes from the interactions; {@code null} for a customer without any. */
	private static final String RECOMPUTE = "update customers set last_contact_at ="
			+ " (select max(i.occurred_at) from interactions i where i.customer_id = customers.id)";

	private LastContacts() {
	}

	/**
	 * Moves a customer's last contact forward to a new interaction, unless a later one is
	 * already recorded.
	 * @param jdbc where the customers are
	 * @param customerId the customer contacted
	 * @param occurredAt when the new interaction happened
	 */
	public static void advance(NamedParameterJdbcOperations jdbc, long customerId, Instant occurredAt) {
		int moved = jdbc.update(
				"update customers set last_contact_at = :at where id = :id"
						+ " and (last_contact_at is null or last_contact_at < :at)",
				new MapSqlParameterSource("id", customerId).addValue("at", occurredAt.atOffset(ZoneOffset.UTC)));
		if (moved > 0) {
			BookKeys.sync(jdbc, List.of(customerId));
		}
	}

	/**
	 * Recomputes the last contact of some customers from all their interactions, with one
	 * statement: for writers that may add, move or change several interactions at once.
	 * @param jdbc where the customers are
	 * @param customerIds the customers whose interactions changed
	 */
	public static void recompute(NamedParameterJdbcOperations jdbc, Collection<Long> customerIds) {
		if (!customerIds.isEmpty()) {
			jdbc.update(RECOMPUTE + " where id in (:ids)", new MapSqlParameterSource("ids", List.copyOf(customerIds)));
			BookKeys.sync(jdbc, customerIds);
		}
	}

	/**
	 * Recomputes the last contact of the customers a query selects, with one statement
	 * that writes only the customers whose last contact changes: for bulk writers that
	 * keep what they wrote in a table of their own.
	 * @param jdbc where the customers are
	 * @param customerIds a query of one column, the ids of the customers whose
	 * interactions changed
	 */
	public static void recomputeSelected(JdbcOperations jdbc, String customerIds) {
		jdbc.update("update customers c set last_contact_at = l.latest from (select t.id,"
				+ " (select max(i.occurred_at) from interactions i where i.customer_id = t.id) as latest"
				+ " from (select distinct id from (" + customerIds + ") q (id)) t) l"
				+ " where c.id = l.id and c.last_contact_at is distinct from l.latest");
		BookKeys.syncSelected(jdbc, "select distinct id from (" + customerIds + ") q (id)");
	}

}
