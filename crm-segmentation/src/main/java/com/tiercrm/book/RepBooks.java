package com.tiercrm.book;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.tiercrm.account.AccessScope;
import com.tiercrm.interaction.ContactDue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads reps' books and workloads, each with one set-based query: the published run's
 * tier, the contact cadence of that tier's policy in force and the last contact that
 * every customer row keeps.
 */
@Service
public class RepBooks {

	/** The rows a book page shows. */
	public static final int PAGE_SIZE = 50;

	private static final String CADENCE_JOINS = " left join customer_segments s on s.run_id ="
			+ " (select st.published_run_id from segmentation_state st where st.id = 1) and s.customer_id = c.id"
			+ " left join tier_policies p on p.tier_code = s.tier"
			+ " left join tier_policy_versions v on v.tier_code = p.tier_code and v.version = p.current_version";

	private static final String DUE = "b.last_at + b.cadence * interval '1' day";

	private static final String OVERDUE = "(b.cadence is not null and (b.last_at is null or " + DUE + " < :now))";

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	@Autowired
	RepBooks(NamedParameterJdbcTemplate jdbc) {
		this(jdbc, Clock.systemUTC());
	}

	RepBooks(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * One page of a rep's customers, overdue first, then by tier and next due date.
	 * <p>
	 * Pages are counted by offset: the order depends on the time of asking, so no index
	 * can serve it and every page sorts the rep's few thousand customers anyway; an
	 * offset then costs nothing more than a key would, and lets the page say "page X of
	 * Y" and link to any page.
	 * @param repId whose customers
	 * @param scope what the asking user may see; customers outside it are left out
	 * @param page the page wanted, from 1; one past the last shows the last
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public RepBook book(long repId, AccessScope scope, int page) {
		Instant now = this.clock.instant();
		int wanted = Math.max(1, page);
		RepBook book = page(repId, scope, now, wanted);
		if (book.entries().isEmpty() && wanted > 1) {
			// The book has fewer pages than the link assumed (customers moved away, or a
			// typed address): the last page, rather than an empty one.
			Long total = this.jdbc.queryForObject(
					"select count(*) from customers c where c.owner_id = :rep and c.status <> 'MERGED' and "
							+ scope.ownerCondition("c.owner_id"),
					new MapSqlParameterSource("rep", repId).addValue("scopeUser", scope.userId()), Long.class);
			int last = RepBook.pages((total != null) ? total : 0, PAGE_SIZE);
			book = (last < wanted) ? page(repId, scope, now, last) : book;
		}
		return book;
	}

	private RepBook page(long repId, AccessScope scope, Instant now, int page) {
		MapSqlParameterSource params = new MapSqlParameterSource("rep", repId).addValue("scopeUser", scope.userId())
			.addValue("now", Timestamp.from(now))
			.addValue("limit", PAGE_SIZE)
			.addValue("offset", (page - 1L) * PAGE_SIZE);
		long[] totals = { 0, 0 };
		List<BookEntry> entries = this.jdbc.query("select b.id, b.code, b.name, b.tier, b.cadence, b.last_at,"
				+ " count(*) over () as total, sum(case when " + OVERDUE + " then 1 else 0 end) over () as overdue"
				+ " from (select c.id, c.code, c.name, s.tier, t.rank_order, v.contact_cadence_days as cadence,"
				+ " c.last_contact_at as last_at from customers c" + CADENCE_JOINS
				+ " left join tiers t on t.code = s.tier where c.owner_id = :rep and c.status <> 'MERGED' and "
				+ scope.ownerCondition("c.owner_id") + ") b order by case when " + OVERDUE
				+ " then 0 else 1 end, coalesce(b.rank_order, 2147483647), " + DUE
				+ " nulls first, b.name, b.id limit :limit offset :offset", params, (rs, row) -> {
					totals[0] = rs.getLong("total");
					totals[1] = rs.getLong("overdue");
					Timestamp last = rs.getTimestamp("last_at");
					return new BookEntry(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
							rs.getString("tier"), ContactDue.of((last != null) ? last.toInstant() : null,
									rs.getObject("cadence", Integer.class), now));
				});
		return new RepBook(repId, entries, totals[0], totals[1], page, PAGE_SIZE);
	}

	/**
	 * Per owner within the scope: customers and how many of them are overdue, most
	 * overdue first.
	 * @param scope what the asking user may see
	 * @return one row per owner with customers
	 */
	@Transactional(readOnly = true)
	public List<RepWorkload> workloads(AccessScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource("scopeUser", scope.userId()).addValue("now",
				Timestamp.from(this.clock.instant()));
		return this.jdbc.query("select b.owner_id, u.display_name, count(*) as customers, sum(case when " + OVERDUE
				+ " then 1 else 0 end) as overdue from (select c.owner_id, v.contact_cadence_days as cadence,"
				+ " c.last_contact_at as last_at from customers c" + CADENCE_JOINS
				+ " where c.owner_id is not null and c.status <> 'MERGED' and " + scope.ownerCondition("c.owner_id")
				+ ") b join users u on u.id = b.owner_id group by b.owner_id, u.display_name"
				+ " order by 4 desc, u.display_name, b.owner_id", params,
				(rs, row) -> new RepWorkload(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
	}

}
