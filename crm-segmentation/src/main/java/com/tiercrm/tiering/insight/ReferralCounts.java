package com.tiercrm.tiering.insight;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.run.SegmentationProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per tier of a run, how many of its customers referred at least one customer acquired in
 * a period: the numerator of the referral rate, its denominator being the tier's
 * customers in the run. Counted in one aggregate that starts from the customers acquired
 * in the period who name a referrer (the referrer index of {@code V50}), so that it costs
 * what the period's new customers cost, not the run's million rows.
 */
@Service
@NamedInterface("insight")
public class ReferralCounts {

	private final NamedParameterJdbcTemplate jdbc;

	private final ZoneId zone;

	ReferralCounts(NamedParameterJdbcTemplate jdbc, SegmentationProperties properties) {
		this.jdbc = jdbc;
		this.zone = properties.zone();
	}

	/**
	 * Per tier code of the run, its customers who referred a customer created (acquired)
	 * after one day and up to another, days in the installation's zone; a customer merged
	 * away does not count as acquired.
	 * @param runId the run whose tiers the referrers are counted in
	 * @param after the day after which the period starts, or {@code null} for all earlier
	 * time
	 * @param upTo the last day of the period
	 * @return referrers per tier code; tiers without any are absent
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> referrers(long runId, @Nullable LocalDate after, LocalDate upTo) {
		MapSqlParameterSource params = new MapSqlParameterSource("run", runId).addValue("end",
				Timestamp.from(upTo.plusDays(1).atStartOfDay(this.zone).toInstant()));
		String start = "";
		if (after != null) {
			start = " and r.created_at >= :start";
			params.addValue("start", Timestamp.from(after.plusDays(1).atStartOfDay(this.zone).toInstant()));
		}
		Map<String, Long> referrers = new HashMap<>();
		this.jdbc.query("select s.tier, count(distinct r.referred_by_id) from customers r"
				+ " join customer_segments s on s.run_id = :run and s.customer_id = r.referred_by_id"
				+ " where r.referred_by_id is not null and r.status <> 'MERGED' and r.created_at < :end" + start
				+ " group by s.tier", params, (rs) -> {
					referrers.put(rs.getString(1), rs.getLong(2));
				});
		return referrers;
	}

	/**
	 * Each row's referral rate, keyed {@code runId:tier}: of the tier's customers in the
	 * run, the share who referred a customer acquired in the row's period, from the day
	 * after the as-of date of the tier's row before (all earlier time for its first row)
	 * to the run's as-of date. Each run and period is counted once for all its tiers.
	 * @param series each tier's rows, oldest first
	 * @return the rates; rows without customers have none
	 */
	public Map<String, Double> rates(Iterable<List<TierMetrics>> series) {
		Map<String, Double> rates = new HashMap<>();
		Map<String, Map<String, Long>> counted = new HashMap<>();
		for (List<TierMetrics> rows : series) {
			@Nullable LocalDate after = null;
			for (TierMetrics row : rows) {
				@Nullable LocalDate from = after;
				Map<String, Long> referrers = counted.computeIfAbsent(row.runId() + "/" + from,
						(key) -> referrers(row.runId(), from, row.asOf()));
				if (row.stats().customers() > 0) {
					rates.put(row.runId() + ":" + row.stats().code(),
							(double) referrers.getOrDefault(row.stats().code(), 0L) / row.stats().customers());
				}
				after = row.asOf();
			}
		}
		return rates;
	}

}
