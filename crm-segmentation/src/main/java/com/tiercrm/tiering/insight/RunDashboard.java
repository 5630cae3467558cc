package com.tiercrm.tiering.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.tiercrm.account.AccessScope;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * What the dashboard shows of one run, read from its precomputed aggregates.
 *
 * @param run the run
 * @param tiers customers and money per tier of the tier model, best tier first
 * @param segments the same per RFM segment
 * @param lorenz the Lorenz curve, from (0, 0) to (1, 1)
 * @param rfmCells customers and revenue per recency and frequency score
 * @param previous the run the migration is measured against, if any
 * @param migration customers per previous and current tier
 * @param downgrades the most valuable downgraded customers within the reader's scope
 * @param scope whose customers the figures count: everyone's (the run's stored
 * aggregates), a manager's teams' or a rep's own (computed for the reader from the run's
 * rows of the customers they own now)
 */
@NamedInterface("insight")
public record RunDashboard(Run run, List<GroupStats> tiers, List<GroupStats> segments, List<LorenzPoint> lorenz,
		List<RfmCell> rfmCells, @Nullable Run previous, List<MigrationCell> migration, List<TierChange> downgrades,
		AccessScope.Kind scope) {

	/**
	 * The company-wide dashboard.
	 */
	public RunDashboard(Run run, List<GroupStats> tiers, List<GroupStats> segments, List<LorenzPoint> lorenz,
			List<RfmCell> rfmCells, @Nullable Run previous, List<MigrationCell> migration,
			List<TierChange> downgrades) {
		this(run, tiers, segments, lorenz, rfmCells, previous, migration, downgrades, AccessScope.Kind.ALL);
	}

	public long customers() {
		return this.tiers.stream().mapToLong(GroupStats::customers).sum();
	}

	public double revenue() {
		return this.tiers.stream().mapToDouble(GroupStats::revenue).sum();
	}

	public double profit() {
		return this.tiers.stream().mapToDouble(GroupStats::profit).sum();
	}

	/**
	 * A run's metadata.
	 *
	 * @param id the run id
	 * @param asOf the as-of date
	 * @param finishedAt when it finished
	 * @param configId the configuration version it used
	 * @param tierModel the code of the model that defined its tiers
	 * @param churnThreshold the probability-alive threshold its churn counts used
	 */
	@NamedInterface("insight")
	public record Run(long id, LocalDate asOf, @Nullable Instant finishedAt, long configId, @Nullable String tierModel,
			double churnThreshold) {

	}

	/**
	 * One point of the Lorenz curve.
	 */
	@NamedInterface("insight")
	public record LorenzPoint(double customerShare, double revenueShare) {

	}

	/**
	 * One cell of the recency × frequency heat map.
	 */
	@NamedInterface("insight")
	public record RfmCell(int recencyScore, int frequencyScore, long customers, double monetarySum) {

		public double averageMonetary() {
			return (this.customers > 0) ? this.monetarySum / this.customers : 0;
		}

	}

	/**
	 * How many customers moved from one tier to another.
	 */
	@NamedInterface("insight")
	public record MigrationCell(String fromTier, String toTier, long customers) {

	}

}
