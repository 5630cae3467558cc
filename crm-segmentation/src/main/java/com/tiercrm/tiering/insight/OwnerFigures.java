package com.tiercrm.tiering.insight;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published run's dashboard figures per owner ({@code owner_figures},
 * {@code owner_revenue_bands}), which a rep's or a manager's dashboard adds up instead of
 * going over their customers' rows of the run on every request. The run stores them when
 * it is published; whoever moves customers to another owner has the owners on both sides
 * rewritten in the same transaction, set-based over just those owners' customers, and a
 * merge has the merged customer's owner rewritten without it.
 */
@NamedInterface("insight")
@Service
public class OwnerFigures {

	/**
	 * Largest first, in a thousand bands: every tenth ends one of the hundred points of
	 * the owner's Lorenz curve, and narrow bands merge into a team's curve closely.
	 */
	private static final String BANDS = "insert into owner_revenue_bands (run_id, owner_id, band_no, customers, revenue)"
			+ " select :run, owner_id, band_no, count(*), sum(revenue) from ("
			+ " select c.owner_id, coalesce(s.revenue, s.monetary, 0) as revenue,"
			+ " (1000 * row_number() over (partition by c.owner_id order by coalesce(s.revenue, s.monetary, 0) desc)"
			+ " + count(*) over (partition by c.owner_id) - 1) / count(*) over (partition by c.owner_id) as band_no"
			+ " from customers c join customer_segments s on s.run_id = :run and s.customer_id = c.id"
			+ " where %s) ranked group by owner_id, band_no";

	private static final String FIGURES = "insert into owner_figures (run_id, owner_id, tier, rfm_segment, r_score,"
			+ " f_score, previous_tier, customers, revenue, profit, clv_predicted, buyers, repeat_buyers, buyer_revenue)"
			+ " select :run, c.owner_id, s.tier, s.rfm_segment, s.r_score, s.f_score, %s, count(*),"
			+ " sum(coalesce(s.revenue, s.monetary, 0)), sum(coalesce(s.gross_profit, 0)),"
			+ " sum(coalesce(s.clv_predicted, 0)), sum(case when s.frequency >= 1 then 1 else 0 end),"
			+ " sum(case when s.frequency >= 2 then 1 else 0 end),"
			+ " sum(case when s.frequency >= 1 then coalesce(s.revenue, s.monetary, 0) else 0 end)"
			+ " from customers c join customer_segments s on s.run_id = :run and s.customer_id = c.id"
			+ "%s where %s group by c.owner_id, s.tier, s.rfm_segment, s.r_score, s.f_score%s";

	private final NamedParameterJdbcTemplate jdbc;

	OwnerFigures(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores every owner's figures of a run being published, or of the published run
	 * again, in the caller's transaction, after its aggregates (the previous run is
	 * theirs), in place of any stored before.
	 * @return the milliseconds it took
	 */
	public long store(long runId) {
		long started = System.nanoTime();
		lockPublication();
		MapSqlParameterSource params = new MapSqlParameterSource("run", runId);
		// Only the published run's figures are kept: those of older runs go, and this
		// run's
		// own when they are written again (after an import).
		this.jdbc.update("delete from owner_figures", params);
		this.jdbc.update("delete from owner_revenue_bands", params);
		this.jdbc.update("delete from owner_figure_runs", params);
		write(runId, "c.owner_id is not null", params);
		long millis = (System.nanoTime() - started) / 1_000_000;
		this.jdbc.update(
				"insert into owner_figure_runs (run_id, computed_at, compute_millis)" + " values (:run, :at, :millis)",
				params.addValue("at", Timestamp.from(Instant.now())).addValue("millis", millis));
		return millis;
	}

	/**
	 * Rewrites the published run's figures of owners whose customers changed owner, in
	 * the caller's transaction: call it after the change with the owners on both sides
	 * (nulls are ignored).
	 */
	@Transactional
	public void ownersChanged(Collection<@Nullable Long> ownerIds) {
		List<Long> owners = ownerIds.stream().filter(Objects::nonNull).distinct().toList();
		Long runId = storedRun();
		if (owners.isEmpty() || runId == null) {
			return;
		}
		MapSqlParameterSource params = new MapSqlParameterSource("run", runId).addValue("owners", owners);
		this.jdbc.update("delete from owner_figures where run_id = :run and owner_id in (:owners)", params);
		this.jdbc.update("delete from owner_revenue_bands where run_id = :run and owner_id in (:owners)", params);
		write(runId, "c.owner_id in (:owners)", params);
	}

	/**
	 * Rewrites every owner's figures of the published run, after owners changed in ways
	 * nobody counted (an import with an owner column).
	 */
	@Transactional
	public void allOwnersChanged() {
		Long runId = storedRun();
		if (runId != null) {
			store(runId);
		}
	}

	/**
	 * The published run, when its per-owner figures are stored. Waits for a run being
	 * published to commit, so that owners changed meanwhile are rewritten in the new run.
	 */
	private @Nullable Long storedRun() {
		Long published = lockPublication();
		if (published == null) {
			return null;
		}
		Integer stored = this.jdbc.queryForObject("select count(*) from owner_figure_runs where run_id = :run",
				new MapSqlParameterSource("run", published), Integer.class);
		return (stored != null && stored > 0) ? published : null;
	}

	/**
	 * Locks the publication state until the transaction ends: a run storing its figures
	 * and a change of owners take turns, so that neither misses the other's rows.
	 * @return the published run
	 */
	private @Nullable Long lockPublication() {
		List<Long> published = this.jdbc.getJdbcOperations()
			.queryForList("select published_run_id from segmentation_state where id = 1 for update", Long.class);
		return published.isEmpty() ? null : published.getFirst();
	}

	private void write(long runId, String ownerCondition, MapSqlParameterSource params) {
		// A customer merged since the run is counted with the one kept, from the next
		// run.
		String owners = ownerCondition + " and c.status <> 'MERGED'";
		Long previous = this.jdbc.query("select previous_run_id from run_aggregates where run_id = :run", params,
				(rs) -> rs.next() ? rs.getObject(1, Long.class) : null);
		params.addValue("previous", (previous != null) ? previous : -1L);
		this.jdbc.update(FIGURES.formatted(
				(previous != null) ? "p.tier" : "cast(null as varchar(40))", (previous != null)
						? " left join customer_segments p on p.run_id = :previous and p.customer_id = c.id" : "",
				owners, (previous != null) ? ", p.tier" : ""), params);
		this.jdbc.update(BANDS.formatted(owners), params);
	}

}
