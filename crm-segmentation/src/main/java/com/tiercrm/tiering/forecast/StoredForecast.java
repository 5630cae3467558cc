package com.tiercrm.tiering.forecast;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * A run's sales forecast and holdout check as kept ({@link RunForecasts}), or where its
 * computation is.
 *
 * @param runId the run
 * @param status whether it is being computed, done or failed
 * @param errorCode the message code of a failure
 * @param asOf the run's as-of date, where the forecast starts
 * @param calibrationEnd the last day the holdout check fitted on
 * @param holdoutDays the days from there to the run's date
 * @param level the probability the intervals are meant to cover
 * @param fallbackUsed whether the model could not be fitted as of the run's date (no
 * forecast then)
 * @param holdoutCustomers the customers of the holdout check, {@code null} when the
 * calibration fit fell back
 * @param meanAbsoluteError per customer, of predicted against actual repeat purchases
 * @param correlation of predicted and actual repeat purchases over customers
 * @param rows the forecast, backtest and holdout rows
 */
@NamedInterface("forecast")
public record StoredForecast(long runId, Status status, @Nullable String errorCode, @Nullable LocalDate asOf,
		@Nullable LocalDate calibrationEnd, @Nullable Integer holdoutDays, @Nullable Double level,
		@Nullable Boolean fallbackUsed, @Nullable Long holdoutCustomers, @Nullable Double meanAbsoluteError,
		@Nullable Double correlation, List<Row> rows) {

	/** The next 30 days. */
	public static final int MONTH = 30;

	/** The next 91 days. */
	public static final int QUARTER = 91;

	public StoredForecast {
		rows = List.copyOf(rows);
	}

	/**
	 * The rows of a kind, horizon and grouping: tiers best first, the numbers of
	 * calibration purchases in order, other groups by expected revenue, highest first.
	 * @param kind the kind
	 * @param horizonDays the horizon ({@link #MONTH}, {@link #QUARTER}, or the holdout
	 * days for the backtest and the holdout check)
	 * @param groupBy {@link SalesForecasts#BY_TIER}, {@link SalesForecasts#BY_REGION},
	 * {@link SalesForecasts#BY_OWNER} or {@link RunForecasts#BY_REPEATS}
	 * @return the rows
	 */
	public List<Row> rows(Kind kind, int horizonDays, String groupBy) {
		Comparator<Row> order = switch (groupBy) {
			case SalesForecasts.BY_TIER ->
				Comparator.comparing((Row row) -> Objects.requireNonNullElse(row.rank(), Integer.MAX_VALUE));
			case RunForecasts.BY_REPEATS -> Comparator.comparingInt((Row row) -> Integer.parseInt(row.groupKey()));
			default -> Comparator.comparingDouble((Row row) -> -row.expectedRevenue());
		};
		return this.rows.stream()
			.filter((row) -> row.kind() == kind && row.horizonDays() == horizonDays && row.groupBy().equals(groupBy))
			.sorted(order.thenComparing(Row::groupKey))
			.toList();
	}

	/**
	 * The row of all customers.
	 * @param kind the kind
	 * @param horizonDays the horizon
	 * @return it, empty when there is none
	 */
	public Optional<Row> total(Kind kind, int horizonDays) {
		return this.rows.stream()
			.filter((row) -> row.kind() == kind && row.horizonDays() == horizonDays
					&& row.groupBy().equals(RunForecasts.TOTAL))
			.findFirst();
	}

	/** Where a computation is. */
	@NamedInterface("forecast")
	public enum Status {

		RUNNING, DONE, FAILED

	}

	/** What a row holds. */
	@NamedInterface("forecast")
	public enum Kind {

		/** Expected purchases and revenue after the run, with an interval. */
		FORECAST,

		/** The forecast over the holdout period, with what happened. */
		BACKTEST,

		/**
		 * Predicted against actual repeat purchases and revenue in the holdout period.
		 */
		HOLDOUT

	}

	/**
	 * One group's figures.
	 *
	 * @param kind the kind of row
	 * @param horizonDays the horizon
	 * @param groupBy the grouping
	 * @param groupKey the group: a tier code, region code, owner's user id, number of
	 * calibration purchases ({@code 7} standing for 7 or more), or {@code *} for the
	 * total
	 * @param rank the tier's rank when the group is a tier
	 * @param customers the customers
	 * @param expectedPurchases expected (or predicted) purchases
	 * @param purchasesLow the interval's lower end, {@code null} for holdout rows
	 * @param purchasesHigh the interval's upper end
	 * @param expectedRevenue expected (or predicted) revenue
	 * @param revenueLow the interval's lower end
	 * @param revenueHigh the interval's upper end
	 * @param actualPurchases what happened, for backtest and holdout rows
	 * @param actualRevenue what happened, for backtest and holdout rows
	 */
	@NamedInterface("forecast")
	public record Row(Kind kind, int horizonDays, String groupBy, String groupKey, @Nullable Integer rank,
			long customers, double expectedPurchases, @Nullable Double purchasesLow, @Nullable Double purchasesHigh,
			double expectedRevenue, @Nullable Double revenueLow, @Nullable Double revenueHigh,
			@Nullable Double actualPurchases, @Nullable Double actualRevenue) {

		/** Mean expected purchases per customer. */
		public double meanExpectedPurchases() {
			return (this.customers > 0) ? this.expectedPurchases / this.customers : Double.NaN;
		}

		/** Mean actual purchases per customer, NaN without actuals. */
		public double meanActualPurchases() {
			return (this.customers > 0 && this.actualPurchases != null) ? this.actualPurchases / this.customers
					: Double.NaN;
		}

		/** Whether the actual revenue fell inside the interval. */
		public boolean revenueInside() {
			return this.actualRevenue != null && this.revenueLow != null && this.revenueHigh != null
					&& this.actualRevenue >= this.revenueLow && this.actualRevenue <= this.revenueHigh;
		}

	}

}
