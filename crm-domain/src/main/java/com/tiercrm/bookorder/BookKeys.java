package com.tiercrm.bookorder;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * Keeps the customer's side of {@code book_keys} (owner, name, last contact, in nobody's
 * book once merged) and of {@code list_keys} (the owner) equal to the customers, so that
 * a rep's book and a rep's list sorted by a result page along one index. Whatever writes
 * a customer's owner, name, status or last contact calls one of these in the same
 * transaction; a row missing for a customer is added. The run's side (tier and rank, the
 * results a list is sorted by) is the tiering module's and is left alone here.
 */
public final class BookKeys {

	/** The rank of customers without a tier: after every tier. */
	public static final int NO_RANK = Integer.MAX_VALUE;

	/** The contact key of a customer never contacted: before every contact. */
	public static final String NEVER = "timestamp with time zone '0001-01-01 00:00:00+00'";

	private static final String SOURCE = "select c.id, case when c.status = 'MERGED' then null else c.owner_id end"
			+ " as owner_id, c.name, coalesce(c.last_contact_at, " + NEVER + ") as contact_key from customers c";

	private static final String OWNER_SOURCE = "select c.id, case when c.status = 'MERGED' then null else c.owner_id"
			+ " end as owner_id from customers c";

	private BookKeys() {
	}

	/**
	 * Writes the keys of some customers from their rows.
	 * @param jdbc where the customers are
	 * @param customerIds the customers changed
	 */
	public static void sync(NamedParameterJdbcOperations jdbc, Collection<Long> customerIds) {
		if (!customerIds.isEmpty()) {
			MapSqlParameterSource ids = new MapSqlParameterSource("ids", List.copyOf(customerIds));
			jdbc.update(merge(SOURCE + " where c.id in (:ids)"), ids);
			jdbc.update(addOwners(OWNER_SOURCE + " where c.id in (:ids)"), ids);
			jdbc.update(updateOwners(OWNER_SOURCE + " where c.id in (:ids)"), ids);
		}
	}

	/**
	 * Writes the keys of the customers a query selects, with one statement: for bulk
	 * writers.
	 * @param jdbc where the customers are
	 * @param customerIds a query of one column, the ids of the customers changed
	 */
	public static void syncSelected(JdbcOperations jdbc, String customerIds) {
		jdbc.update(merge(SOURCE + " where c.id in (" + customerIds + ")"));
		jdbc.update(addOwners(OWNER_SOURCE + " where c.id in (" + customerIds + ")"));
		jdbc.update(updateOwners(OWNER_SOURCE + " where c.id in (" + customerIds + ")"));
	}

	/**
	 * Adds the rows of customers that have none (written by a loader that knows nothing
	 * of the book), with one statement over all customers.
	 * <p>
	 * The missing customers are found by {@code except}, which reads every key before the
	 * first row is inserted. An anti join ({@code not exists}) was planned, on an empty
	 * table, as a nested loop whose inner scan of {@code book_keys} also read the rows
	 * the statement itself had just inserted: a million missing customers then took hours
	 * instead of seconds. That difference, over every customer and key, is only computed
	 * when the two counts, taken in one statement, differ: every key is a customer's (a
	 * foreign key), so equal counts mean that none is missing.
	 * @param jdbc where the customers are
	 * @return the rows added
	 */
	public static int addMissing(JdbcOperations jdbc) {
		if (!anyMissing(jdbc, "book_keys")) {
			return 0;
		}
		return jdbc.update("insert into book_keys (customer_id, owner_id, rank_order, contact_key, name)"
				+ " select n.id, n.owner_id, " + NO_RANK + ", n.contact_key, n.name from (" + SOURCE
				+ " where c.id in (select id from customers except select customer_id from book_keys)) n");
	}

	/**
	 * Adds the {@code list_keys} rows of customers that have none, like
	 * {@link #addMissing}; the list's keys are written in the background after a run, so
	 * a row another transaction adds meanwhile is left to it.
	 * @param jdbc where the customers are
	 * @return the rows added
	 */
	public static int addMissingListKeys(JdbcOperations jdbc) {
		if (!anyMissing(jdbc, "list_keys")) {
			return 0;
		}
		// Found by except, not by the anti join of addOwners: see addMissing.
		return jdbc.update("insert into list_keys (customer_id, owner_id) select n.id, n.owner_id from (" + OWNER_SOURCE
				+ " where c.id in (select id from customers except select customer_id from list_keys))"
				+ " n on conflict do nothing");
	}

	/**
	 * The {@code list_keys} rows missing for some customers. A row added meanwhile by
	 * another transaction (the list's keys written after a run) is left to it, and the
	 * owner then written by {@link #updateOwners}, which waits for it: unlike a
	 * {@code MERGE}, neither fails on the other's row.
	 */
	private static String addOwners(String source) {
		return "insert into list_keys (customer_id, owner_id) select n.id, n.owner_id from (" + source + ") n"
				+ " where not exists (select 1 from list_keys k where k.customer_id = n.id) on conflict do nothing";
	}

	private static String updateOwners(String source) {
		return "merge into list_keys k using (" + source + ") n on (k.customer_id = n.id)"
				+ " when matched and k.owner_id is distinct from n.owner_id then update set owner_id = n.owner_id";
	}

	/**
	 * Whether some customer has no row in a table of keys: the two counts, taken in one
	 * statement, differ (every key is a customer's, by its foreign key).
	 */
	private static boolean anyMissing(JdbcOperations jdbc, String keys) {
		Long missing = jdbc.queryForObject(
				"select (select count(*) from customers) - (select count(*) from " + keys + ")", Long.class);
		return missing != null && missing != 0;
	}

	private static String merge(String source) {
		return "merge into book_keys k using (" + source + ") n on (k.customer_id = n.id)"
				+ " when matched and (k.owner_id is distinct from n.owner_id or k.name <> n.name"
				+ " or k.contact_key <> n.contact_key) then update set owner_id = n.owner_id, name = n.name,"
				+ " contact_key = n.contact_key when not matched then insert (customer_id, owner_id, rank_order,"
				+ " contact_key, name) values (n.id, n.owner_id, " + NO_RANK + ", n.contact_key, n.name)";
	}

}
