package com.tiercrm.book;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tiercrm.account.AccessScope;
import com.tiercrm.interaction.ContactDue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads reps' books and workloads. Once the published run's tiers are in
 * {@code book_keys} ({@link RunBookKeys}), a page, its total and its overdue count come
 * from the range of one owner in the keys' index: the book's order is tier rank, then
 * last contact (never contacted first), then name; within a rank that is the order of the
 * next due date, since all customers of a tier share its cadence, and a customer is
 * overdue when their last contact is before "now minus the cadence" of their rank. Until
 * then (right after a run is published), each query goes over the rep's customers and the
 * run's rows, in the same order.
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

	private static final String KEY_ORDER = " order by k.rank_order, k.contact_key, k.name, k.customer_id";

	private final NamedParameterJdbcTemplate jdbc;

	private final RunBookKeys keys;

	private final Clock clock;

	@Autowired
	RepBooks(NamedParameterJdbcTemplate jdbc, RunBookKeys keys) {
		this(jdbc, keys, Clock.systemUTC());
	}

	RepBooks(NamedParameterJdbcTemplate jdbc, RunBookKeys keys, Clock clock) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * One page of a rep's customers, overdue first, then by tier and next due date.
	 * <p>
	 * Pages are counted by offset within one owner's index range, so that the page can
	 * say "page X of Y" and link to any page.
	 * @param repId whose customers
	 * @param scope what the asking user may see; customers outside it are left out
	 * @param page the page wanted, from 1; one past the last shows the last
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public RepBook book(long repId, AccessScope scope, int page) {
		Instant now = this.clock.instant();
		int wanted = Math.max(1, page);
		RunBookKeys.State state = this.keys.state();
		if (state.current()) {
			return keyed(repId, scope, now, wanted, cadences(state.runId()));
		}
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

	private RepBook keyed(long repId, AccessScope scope, Instant now, int wanted, Cadences cadences) {
		MapSqlParameterSource params = cadences.params(now)
			.addValue("rep", repId)
			.addValue("scopeUser", scope.userId());
		String owner = " from book_keys k where k.owner_id = :rep and " + scope.ownerCondition("k.owner_id");
		String overdue = cadences.overdue();
		long[] counts = this.jdbc.queryForObject(
				"select count(*), coalesce(sum(case when " + overdue + " then 1 else 0 end), 0)" + owner, params,
				(rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) });
		long total = counts[0];
		long overdueCount = counts[1];
		int page = Math.min(wanted, RepBook.pages(total, PAGE_SIZE));
		long offset = (page - 1L) * PAGE_SIZE;
		List<BookEntry> entries = new ArrayList<>(PAGE_SIZE);
		if (offset < overdueCount) {
			entries.addAll(rows(owner + " and " + overdue, params, offset, PAGE_SIZE, cadences, now));
		}
		if (entries.size() < PAGE_SIZE && offset + entries.size() < total) {
			entries.addAll(rows(owner + " and not coalesce(" + overdue + ", false)", params,
					Math.max(0, offset - overdueCount), PAGE_SIZE - entries.size(), cadences, now));
		}
		return new RepBook(repId, entries, total, overdueCount, page, PAGE_SIZE);
	}

	/**
	 * A page's rows of one part of the book: the keys from the index alone (the tier
	 * follows from the rank), then the code and last contact of those rows only.
	 */
	private List<BookEntry> rows(String keys, MapSqlParameterSource params, long offset, int limit, Cadences cadences,
			Instant now) {
		return this.jdbc.query(
				"select x.customer_id, x.name, x.rank_order, c.code, c.last_contact_at from (select"
						+ " k.customer_id, k.name, k.rank_order, k.contact_key" + keys + KEY_ORDER
						+ " limit :limit offset :offset) x join customers c on c.id = x.customer_id"
						+ " order by x.rank_order, x.contact_key, x.name, x.customer_id",
				params.addValue("limit", limit).addValue("offset", offset), (rs, row) -> entry(rs, cadences, now));
	}

	private static BookEntry entry(ResultSet rs, Cadences cadences, Instant now) throws SQLException {
		Timestamp last = rs.getTimestamp("last_contact_at");
		String tier = cadences.tierByRank().get(rs.getInt("rank_order"));
		return new BookEntry(rs.getLong("customer_id"), rs.getString("code"), rs.getString("name"), tier, ContactDue
			.of((last != null) ? last.toInstant() : null, (tier != null) ? cadences.byTier().get(tier) : null, now));
	}

	/**
	 * The contact cadence of each tier of the run, and of each rank: the policies in
	 * force now, read with every page so that a changed policy counts at once.
	 */
	private Cadences cadences(Long runId) {
		Map<String, Integer> byTier = new LinkedHashMap<>();
		Map<Integer, Integer> byRank = new LinkedHashMap<>();
		Map<Integer, String> tierByRank = new LinkedHashMap<>();
		this.jdbc.query(
				"select t.code, t.rank_order, v.contact_cadence_days from run_group_stats g"
						+ " join tiers t on t.code = g.group_code join tier_policies p on p.tier_code = t.code"
						+ " join tier_policy_versions v on v.tier_code = p.tier_code and v.version = p.current_version"
						+ " where g.run_id = :run and g.dimension = 'TIER' order by t.rank_order, t.code",
				new MapSqlParameterSource("run", runId), (rs) -> {
					byTier.put(rs.getString(1), rs.getInt(3));
					// Two tiers of one rank would be one model's mistake: the first
					// counts.
					byRank.putIfAbsent(rs.getInt(2), rs.getInt(3));
					tierByRank.putIfAbsent(rs.getInt(2), rs.getString(1));
				});
		return new Cadences(byTier, byRank, tierByRank);
	}

	/**
	 * Per owner within the scope: customers and how many of them are overdue, most
	 * overdue first.
	 * @param scope what the asking user may see
	 * @return one row per owner with customers
	 */
	@Transactional(readOnly = true)
	public List<RepWorkload> workloads(AccessScope scope) {
		Instant now = this.clock.instant();
		RunBookKeys.State state = this.keys.state();
		if (state.current()) {
			Cadences cadences = cadences(state.runId());
			return this.jdbc.query(
					"select k.owner_id, u.display_name, count(*) as customers, sum(case when " + cadences.overdue()
							+ " then 1 else 0 end) as overdue from book_keys k"
							+ " join users u on u.id = k.owner_id where k.owner_id is not null and "
							+ scope.ownerCondition("k.owner_id") + " group by k.owner_id, u.display_name"
							+ " order by 4 desc, u.display_name, k.owner_id",
					cadences.params(now).addValue("scopeUser", scope.userId()),
					(rs, row) -> new RepWorkload(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
		}
		MapSqlParameterSource params = new MapSqlParameterSource("scopeUser", scope.userId()).addValue("now",
				Timestamp.from(now));
		return this.jdbc.query("select b.owner_id, u.display_name, count(*) as customers, sum(case when " + OVERDUE
				+ " then 1 else 0 end) as overdue from (select c.owner_id, v.contact_cadence_days as cadence,"
				+ " c.last_contact_at as last_at from customers c" + CADENCE_JOINS
				+ " where c.owner_id is not null and c.status <> 'MERGED' and " + scope.ownerCondition("c.owner_id")
				+ ") b join users u on u.id = b.owner_id group by b.owner_id, u.display_name"
				+ " order by 4 desc, u.display_name, b.owner_id", params,
				(rs, row) -> new RepWorkload(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
	}

	/**
	 * One page the slow way, over the rep's customers and the published run's rows: in
	 * the keys' order, for the moments the keys do not hold the published run yet.
	 */
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
				+ " then 0 else 1 end, coalesce(b.rank_order, 2147483647), b.last_at nulls first, b.name, b.id"
				+ " limit :limit offset :offset", params, (rs, row) -> {
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
	 * The cadences of a run's tiers.
	 *
	 * @param byTier days per tier code
	 * @param byRank days per rank, for the overdue condition over the keys
	 * @param tierByRank the tier of each rank
	 */
	private record Cadences(Map<String, Integer> byTier, Map<Integer, Integer> byRank,
			Map<Integer, String> tierByRank) {

		/**
		 * Whether the key {@code k} is overdue: last contact before now minus its rank's
		 * cadence; ranks without a cadence never are.
		 */
		String overdue() {
			if (this.byRank.isEmpty()) {
				return "1 = 0";
			}
			StringBuilder sql = new StringBuilder("k.contact_key < case k.rank_order");
			this.byRank.keySet()
				.forEach((rank) -> sql.append(" when ")
					.append(rank)
					.append(" then cast(:cut")
					.append(rank)
					.append(" as timestamp with time zone)"));
			return sql.append(" end").toString();
		}

		MapSqlParameterSource params(Instant now) {
			MapSqlParameterSource params = new MapSqlParameterSource();
			this.byRank.forEach(
					(rank, days) -> params.addValue("cut" + rank, Timestamp.from(now.minus(Duration.ofDays(days)))));
			return params;
		}

	}

}
