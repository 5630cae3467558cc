package com.tiercrm.tiering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.tiercrm.account.AccessScope;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads tiers: a customer's current results and history, how customers moved between two
 * runs, and who moved down. Counts are aggregated in the database.
 */
@Service
public class CustomerTiers {

	private static final String SEGMENT_COLUMNS = "s.run_id, r.as_of, s.customer_id, s.tier, s.abc_class, s.abc_value,"
			+ " s.abc_rank, s.abc_share_before, s.abc_reason, s.recency_days, s.frequency, s.monetary, s.r_score,"
			+ " s.f_score, s.m_score, s.rfm_segment, s.rfm_reason, s.clv_historical, s.clv_predicted, s.clv_method,"
			+ " s.p_alive, s.expected_purchases, s.expected_spend, s.clv_rank, s.clv_class, s.clv_reason";

	private final NamedParameterJdbcTemplate jdbc;

	CustomerTiers(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The customer's results in the published run.
	 */
	@Transactional(readOnly = true)
	public Optional<CustomerSegment> current(long customerId) {
		return this.jdbc
			.query("select " + SEGMENT_COLUMNS + " from segmentation_state st"
					+ " join customer_segments s on s.run_id = st.published_run_id"
					+ " join segmentation_runs r on r.id = s.run_id where st.id = 1 and s.customer_id = :customerId",
					Map.of("customerId", customerId), CustomerTiers::segment)
			.stream()
			.findFirst();
	}

	/**
	 * The customer's tier in every retained succeeded run, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<TierHistoryEntry> history(long customerId) {
		return this.jdbc.query(
				"select r.id, r.as_of, s.tier, s.abc_class, s.rfm_segment, s.clv_class from segmentation_runs r"
						+ " join customer_segments s on s.run_id = r.id and s.customer_id = :customerId"
						+ " where r.status = 'SUCCEEDED' order by r.as_of, r.id",
				Map.of("customerId", customerId),
				(rs, row) -> new TierHistoryEntry(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class),
						rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
	}

	/**
	 * How many customers went from each tier in one run to each tier in another:
	 * {@code from → to → count}. Customers in only one of the runs appear under
	 * {@code NEW} or {@code GONE}.
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<String, Long>> migration(long fromRunId, long toRunId) {
		Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
		// No FULL OUTER JOIN: H2 lacks it.
		this.jdbc.query(
				"select a.tier, coalesce(b.tier, 'GONE'), count(*) from customer_segments a"
						+ " left join customer_segments b on b.customer_id = a.customer_id and b.run_id = :toRun"
						+ " where a.run_id = :fromRun group by a.tier, coalesce(b.tier, 'GONE')"
						+ " union all select 'NEW', b.tier, count(*) from customer_segments b where b.run_id = :toRun"
						+ " and not exists (select 1 from customer_segments a where a.run_id = :fromRun"
						+ " and a.customer_id = b.customer_id) group by b.tier" + " order by 1, 2",
				Map.of("fromRun", fromRunId, "toRun", toRunId), (ResultSet rs) -> {
					matrix.computeIfAbsent(rs.getString(1), (key) -> new LinkedHashMap<>())
						.put(rs.getString(2), rs.getLong(3));
				});
		return matrix;
	}

	/**
	 * Customers within the scope whose tier got worse from one run to the other, best
	 * previous tier first.
	 */
	@Transactional(readOnly = true)
	public List<TierChange> downgrades(long fromRunId, long toRunId, AccessScope scope, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("fromRun", fromRunId)
			.addValue("toRun", toRunId)
			.addValue("scopeUser", scope.userId())
			.addValue("limit", limit);
		return this.jdbc.query("select c.id, c.code, c.name, a.tier, b.tier from customer_segments a"
				+ " join customer_segments b on b.customer_id = a.customer_id and b.run_id = :toRun"
				+ " join tiers ta on ta.code = a.tier join tiers tb on tb.code = b.tier"
				+ " join customers c on c.id = a.customer_id"
				+ " where a.run_id = :fromRun and ta.model = tb.model and tb.rank_order > ta.rank_order and "
				+ scope.ownerCondition("c.owner_id") + " order by ta.rank_order, a.abc_value desc, c.id limit :limit",
				params, (rs, row) -> new TierChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)));
	}

	private static CustomerSegment segment(ResultSet rs, int row) throws SQLException {
		return new CustomerSegment(rs.getLong("run_id"), rs.getObject("as_of", java.time.LocalDate.class),
				rs.getLong("customer_id"), rs.getString("tier"), rs.getString("abc_class"), rs.getDouble("abc_value"),
				rs.getInt("abc_rank"), rs.getDouble("abc_share_before"), rs.getString("abc_reason"),
				rs.getObject("recency_days", Integer.class), rs.getInt("frequency"), rs.getDouble("monetary"),
				rs.getInt("r_score"), rs.getInt("f_score"), rs.getInt("m_score"), rs.getString("rfm_segment"),
				rs.getString("rfm_reason"), rs.getDouble("clv_historical"), rs.getDouble("clv_predicted"),
				rs.getString("clv_method"), rs.getObject("p_alive", Double.class),
				rs.getObject("expected_purchases", Double.class), rs.getObject("expected_spend", Double.class),
				rs.getInt("clv_rank"), rs.getString("clv_class"), rs.getString("clv_reason"));
	}

}
