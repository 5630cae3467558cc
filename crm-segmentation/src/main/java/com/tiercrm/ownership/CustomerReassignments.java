package com.tiercrm.ownership;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import com.tiercrm.account.AccessScope;
import com.tiercrm.account.OwnerOption;
import com.tiercrm.account.OwnerOptions;
import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditLog;
import com.tiercrm.bookorder.BookKeys;
import com.tiercrm.tiering.insight.OwnerFigures;
import com.tiercrm.tiering.list.MatchingCustomers;
import com.tiercrm.tiering.list.TieredCriteria;
import com.tiercrm.tiering.list.TieredCustomerSearch;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves customers to another owner within the reassigning user's scope: managers within
 * their teams, the head of sales and admins everyone; reps reassign nothing. Set-based
 * whatever the number of customers: one {@code INSERT ... SELECT} records each customer's
 * previous owner, one {@code UPDATE ... WHERE id IN (...)} moves them, so that a filter
 * of a hundred thousand customers never loads one of them.
 */
@Service
public class CustomerReassignments {

	/** The most customers a selection on the list may tick at once. */
	public static final int MAX_SELECTED = 1000;

	static final int HISTORY_ROWS = 50;

	private final NamedParameterJdbcTemplate jdbc;

	private final TieredCustomerSearch search;

	private final OwnerOptions owners;

	private final Clock clock;

	private final AuditLog audit;

	private final OwnerFigures figures;

	CustomerReassignments(NamedParameterJdbcTemplate jdbc, TieredCustomerSearch search, OwnerOptions owners,
			ObjectProvider<Clock> clock, AuditLog audit, OwnerFigures figures) {
		this.jdbc = jdbc;
		this.figures = figures;
		this.audit = audit;
		this.search = search;
		this.owners = owners;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Whether a user with this scope may reassign customers at all.
	 */
	public static boolean mayReassign(AccessScope scope) {
		return scope.kind() != AccessScope.Kind.OWN;
	}

	/**
	 * Whom the user may give customers to: enabled reps and managers for everyone's
	 * scope, the manager and the members of their teams for a team; nobody for a rep.
	 */
	public List<OwnerOption> targets(AccessScope scope) {
		return mayReassign(scope) ? this.owners.visibleTo(scope) : List.of();
	}

	/**
	 * Gives one customer to another owner.
	 * @throws CustomerOutOfScopeException if the customer is not in the user's scope
	 * @throws CustomerMergedException if the customer was merged into another
	 */
	@Transactional
	public Reassignment reassignOne(String code, long toOwnerId, AccessScope scope) {
		checkAllowed(scope);
		MapSqlParameterSource params = new MapSqlParameterSource("code", code).addValue("scopeUser", scope.userId());
		String idQuery = "select c.id from customers c where c.code = :code and " + scope.ownerCondition("c.owner_id");
		Long found = this.jdbc.queryForObject("select count(*) from (" + idQuery + ") x", params, Long.class);
		if (found == null || found == 0) {
			throw new CustomerOutOfScopeException(code);
		}
		refuseMerged(List.of(code), scope);
		return reassign(Selection.ONE, idQuery, params, toOwnerId, scope);
	}

	/**
	 * Gives the ticked customers, by code, to another owner; those outside the user's
	 * scope stay where they are.
	 * @throws CustomerMergedException if any of them, in the user's scope, was merged
	 * into another: the caller named a customer that no longer has an owner of its own
	 */
	@Transactional
	public Reassignment reassignSelected(Collection<String> codes, long toOwnerId, AccessScope scope) {
		checkAllowed(scope);
		if (codes.isEmpty()) {
			return nothingMoved(toOwnerId, scope);
		}
		List<String> distinct = codes.stream().distinct().limit(MAX_SELECTED).toList();
		refuseMerged(distinct, scope);
		MapSqlParameterSource params = new MapSqlParameterSource("codes", distinct).addValue("scopeUser",
				scope.userId());
		return reassign(Selection.SELECTED,
				"select c.id from customers c where c.code in (:codes) and c.status <> 'MERGED' and "
						+ scope.ownerCondition("c.owner_id"),
				params, toOwnerId, scope);
	}

	/**
	 * Gives every customer the list's criteria match within the user's scope to another
	 * owner; the sort, cursor and page size are ignored.
	 */
	@Transactional
	public Reassignment reassignMatching(TieredCriteria criteria, long toOwnerId, AccessScope scope) {
		checkAllowed(scope);
		MatchingCustomers matching = this.search.matching(criteria, scope);
		return reassign(Selection.FILTER, matching.idQuery(), matching.params(), toOwnerId, scope);
	}

	/**
	 * How many customers the list's criteria match within the user's scope.
	 */
	@Transactional(readOnly = true)
	public long countMatching(TieredCriteria criteria, AccessScope scope) {
		MatchingCustomers matching = this.search.matching(criteria, scope);
		Long count = this.jdbc.queryForObject("select count(*) from (" + matching.idQuery() + ") x", matching.params(),
				Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * A customer's changes of owner, newest first, if the customer is in the user's
	 * scope.
	 */
	@Transactional(readOnly = true)
	public List<OwnershipChange> history(String code, AccessScope scope) {
		return this.jdbc.query(
				"select r.reassigned_at, b.display_name as by_name, f.display_name as from_name,"
						+ " t.display_name as to_name, r.selection, r.customers"
						+ " from customers c join customer_reassignment_items i on i.customer_id = c.id"
						+ " join customer_reassignments r on r.id = i.reassignment_id"
						+ " join users b on b.id = r.reassigned_by join users t on t.id = r.to_owner_id"
						+ " left join users f on f.id = i.from_owner_id where c.code = :code and "
						+ scope.ownerCondition("c.owner_id") + " order by r.reassigned_at desc, r.id desc limit :limit",
				new MapSqlParameterSource("code", code).addValue("scopeUser", scope.userId())
					.addValue("limit", HISTORY_ROWS),
				(rs, row) -> new OwnershipChange(rs.getTimestamp("reassigned_at").toInstant(), rs.getString("by_name"),
						rs.getString("from_name"), rs.getString("to_name"),
						Selection.valueOf(rs.getString("selection")), rs.getInt("customers")));
	}

	private void refuseMerged(List<String> codes, AccessScope scope) {
		List<String> merged = this.jdbc.queryForList(
				"select c.code from customers c where c.code in (:codes) and c.status = 'MERGED' and "
						+ scope.ownerCondition("c.owner_id") + " order by c.code",
				new MapSqlParameterSource("codes", codes).addValue("scopeUser", scope.userId()), String.class);
		if (!merged.isEmpty()) {
			throw new CustomerMergedException(merged);
		}
	}

	private static void checkAllowed(AccessScope scope) {
		if (!mayReassign(scope)) {
			throw new ReassignmentNotAllowedException(scope.userId());
		}
	}

	private OwnerOption target(long toOwnerId, AccessScope scope) {
		return targets(scope).stream()
			.filter((owner) -> owner.id() == toOwnerId)
			.findFirst()
			.orElseThrow(() -> new OwnerNotAllowedException(toOwnerId));
	}

	private Reassignment nothingMoved(long toOwnerId, AccessScope scope) {
		return new Reassignment(0, toOwnerId, target(toOwnerId, scope).displayName(), 0);
	}

	/**
	 * Records the customers that change owner with their previous owner, then moves
	 * exactly those: the recorded rows are the statement's selection, so history and
	 * owners agree. Customers already with the new owner are left alone.
	 */
	private Reassignment reassign(Selection selection, String idQuery, MapSqlParameterSource params, long toOwnerId,
			AccessScope scope) {
		OwnerOption target = target(toOwnerId, scope);
		Instant now = this.clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update(
				"insert into customer_reassignments (reassigned_by, reassigned_at, to_owner_id, selection, customers)"
						+ " values (:by, :at, :to, :selection, 0)",
				new MapSqlParameterSource("by", scope.userId()).addValue("at", Timestamp.from(now))
					.addValue("to", toOwnerId)
					.addValue("selection", selection.name()),
				key, new String[] { "id" });
		long id = Objects.requireNonNull(key.getKey()).longValue();
		params.addValue("reassignment", id).addValue("toOwner", toOwnerId).addValue("now", Timestamp.from(now));
		int moved = this.jdbc.update("insert into customer_reassignment_items (reassignment_id, customer_id,"
				+ " from_owner_id) select :reassignment, x.id, x.owner_id from customers x where x.id in (" + idQuery
				+ ") and (x.owner_id is null or x.owner_id <> :toOwner)", params);
		if (moved == 0) {
			this.jdbc.update("delete from customer_reassignments where id = :reassignment", params);
			return new Reassignment(0, toOwnerId, target.displayName(), 0);
		}
		this.jdbc.update("update customers set owner_id = :toOwner, version = version + 1, updated_at = :now"
				+ " where id in (select i.customer_id from customer_reassignment_items i"
				+ " where i.reassignment_id = :reassignment)", params);
		BookKeys.syncSelected(this.jdbc.getJdbcOperations(),
				"select customer_id from customer_reassignment_items where reassignment_id = " + id);
		// The open follow-ups the previous owner was to do go with the customers; other
		// people's stay theirs.
		this.jdbc.update("update tasks set assignee_id = :toOwner, version = version + 1 where done_at is null"
				+ " and exists (select 1 from customer_reassignment_items i where i.reassignment_id = :reassignment"
				+ " and i.customer_id = tasks.customer_id and i.from_owner_id = tasks.assignee_id)", params);
		this.jdbc.update("update customer_reassignments set customers = :moved where id = :reassignment",
				params.addValue("moved", moved));
		// The dashboards of the owners on both sides, in the same transaction.
		List<@Nullable Long> changed = new ArrayList<>(this.jdbc.queryForList(
				"select distinct from_owner_id from customer_reassignment_items where reassignment_id = :reassignment",
				params, Long.class));
		changed.add(toOwnerId);
		this.figures.ownersChanged(changed);
		this.audit.record(AuditAction.CUSTOMERS_REASSIGNED, target.displayName(),
				moved + " customers (" + selection + "), reassignment #" + id);
		return new Reassignment(id, toOwnerId, target.displayName(), moved);
	}

}
