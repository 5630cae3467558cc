package com.tiercrm.tiering.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.tiercrm.account.AccessScope;
import com.tiercrm.tiering.insight.TierChange;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads tiers: a customer's current results and history, how customers moved between two
 * runs, and who moved down, the last two by the same rules a run applies.
 */
@NamedInterface("run")
@Service
public class CustomerTiers {

	private static final String SEGMENT_COLUMNS = "s.run_id, r.as_of, s.customer_id, s.tier, s.abc_class, s.abc_value,"
			+ " s.abc_rank, s.abc_share_before, s.abc_reason, s.recency_days, s.frequency, s.monetary, s.r_score,"
			+ " s.f_score, s.m_score, s.rfm_segment, s.rfm_reason, s.clv_historical, s.clv_predicted, s.clv_method,"
			+ " s.p_alive, s.expected_purchases, s.expected_spend, s.clv_rank, s.clv_class, s.clv_reason";

	private final NamedParameterJdbcTemplate jdbc;

	/** Reads a run's rows a batch at a time rather than all at once. */
	private final JdbcTemplate streaming;

	CustomerTiers(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(Objects.requireNonNull(jdbc.getJdbcTemplate().getDataSource()));
		this.streaming.setFetchSize(10_000);
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
	 * The customer's classes in the published run's other tier models, by model code.
	 */
	@Transactional(readOnly = true)
	public List<ModelClass> otherModels(long customerId) {
		return this.jdbc.query(
				"select m.model, m.class_code, m.score, m.reason from segmentation_state st"
						+ " join customer_model_results m on m.run_id = st.published_run_id"
						+ " where st.id = 1 and m.customer_id = :customerId order by m.model",
				Map.of("customerId", customerId), (rs, row) -> new ModelClass(rs.getString(1),
						rs.getString(1) + ":" + rs.getString(2), rs.getObject(3, Double.class), rs.getString(4)));
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
	 * {@code from → to → count} by the {@link TierMigration} rule, from both runs' tiers
	 * read once each. Customers in only one of the runs appear under {@code NEW} or
	 * {@code GONE}.
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<String, Long>> migration(long fromRunId, long toRunId) {
		PreviousTiers earlier = PreviousTiers.read(this.streaming, fromRunId);
		TierMigration migration = new TierMigration();
		this.streaming.query("select customer_id, tier from customer_segments where run_id = ?",
				(ResultSet rs) -> migration.add(earlier.tier(rs.getLong(1)), rs.getString(2)), toRunId);
		return migration.matrix(earlier.counts());
	}

	/**
	 * Customers within the scope whose tier got worse from one run to the other
	 * ({@link TierOrder#isDowngrade}), best previous tier first
	 * ({@link Downgrade#BEST_FIRST}), from both runs' tiers read once each.
	 */
	@Transactional(readOnly = true)
	public List<TierChange> downgrades(long fromRunId, long toRunId, AccessScope scope, int limit) {
		PreviousTiers earlier = PreviousTiers.read(this.streaming, fromRunId);
		TierOrder order = SegmentationRuns.tierOrder(this.streaming);
		Downgrade.MostValuable kept = new Downgrade.MostValuable(limit);
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("toRun", toRunId)
			.addValue("scopeUser", scope.userId());
		this.jdbc.query(
				"select s.customer_id, s.tier from customer_segments s join customers c on c.id = s.customer_id"
						+ " where s.run_id = :toRun and " + scope.ownerCondition("c.owner_id"),
				params, (ResultSet rs) -> {
					long customerId = rs.getLong(1);
					String from = earlier.tier(customerId);
					String to = rs.getString(2);
					if (from != null && order.isDowngrade(from, to)) {
						// One list, whoever the owner: all share one queue.
						kept.add(new Downgrade(customerId, null, from, to, order.rank(from),
								earlier.abcValue(customerId)));
					}
				});
		List<Downgrade> best = kept.list();
		if (best.isEmpty()) {
			return List.of();
		}
		Map<Long, String[]> names = new HashMap<>();
		this.jdbc.query("select id, code, name from customers where id in (:ids)",
				Map.of("ids", best.stream().map(Downgrade::customerId).toList()), (ResultSet rs) -> {
					names.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) });
				});
		return best.stream().map((d) -> {
			String[] name = names.getOrDefault(d.customerId(), new String[] { "", "" });
			return new TierChange(d.customerId(), name[0], name[1], d.fromTier(), d.toTier());
		}).toList();
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
