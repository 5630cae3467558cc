package com.tiercrm.tiering.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvPurchaseModel;
import com.tiercrm.tiering.model.ClvTimeUnit;
import com.tiercrm.tiering.model.Reason;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * What a run produced, stored with it: class counts per model and tier, the CLV fit
 * diagnostics and timings.
 *
 * @param asOf the as-of date
 * @param configId the configuration version used
 * @param tierModel the code of the model that defined the tiers
 * @param customers customers classified
 * @param abc customers per ABC class
 * @param rfm customers per RFM segment
 * @param clvClasses customers per CLV class
 * @param tiers customers per tier
 * @param clv the CLV fit
 * @param timings where the time went, in milliseconds
 * @param revenue the completed orders' revenue up to the as-of date, net of returns, in
 * total and per tier; {@code null} for runs made before it was reported
 */
@NamedInterface("run")
public record RunReport(LocalDate asOf, long configId, String tierModel, int customers, Map<String, Long> abc,
		Map<String, Long> rfm, Map<String, Long> clvClasses, Map<String, Long> tiers, ClvDiagnostics clv,
		Timings timings, @Nullable Revenue revenue) {

	/**
	 * Revenue net of returns, to four decimals like the orders it sums.
	 *
	 * @param total all customers' revenue
	 * @param byTier the revenue of each tier's customers
	 */
	public record Revenue(BigDecimal total, Map<String, BigDecimal> byTier) {

	}

	/**
	 * How the CLV models were fitted.
	 *
	 * @param timeUnit DAY or WEEK
	 * @param params fitted parameters; null values where a model was not fitted
	 * @param logLikelihood BG/NBD log-likelihood
	 * @param gammaGammaLogLikelihood Gamma-Gamma log-likelihood
	 * @param converged whether both fits converged
	 * @param fallbackUsed whether the plainly labelled simple formula was used instead
	 * @param fallbackReason why, when it was
	 * @param buyers customers who bought
	 * @param repeatBuyers customers with a repeat purchase day
	 * @param distinctRows distinct (x, t_x, T) rows the likelihood was summed over
	 * @param purchaseModel BG_NBD or MBG_NBD (null in reports stored before the choice
	 * existed: BG/NBD)
	 * @param spendFallbackReason why the spend part used each customer's own mean instead
	 * of Gamma-Gamma while the purchase model was kept, or null
	 * @param bgNbdIterations BFGS iterations of the purchase model fit, over all starts
	 * @param gammaGammaIterations BFGS iterations of the spend model fit, over all starts
	 */
	public record ClvDiagnostics(String timeUnit, Params params, @Nullable Double logLikelihood,
			@Nullable Double gammaGammaLogLikelihood, boolean converged, boolean fallbackUsed,
			@Nullable String fallbackReason, int buyers, int repeatBuyers, int distinctRows,
			@Nullable String purchaseModel, @Nullable String spendFallbackReason, int bgNbdIterations,
			int gammaGammaIterations) {

		/**
		 * The fit as the run kept it, to score a customer the run did not see with the
		 * run's parameters: P(alive) and the predicted value of a customer placed
		 * provisionally.
		 * @return the fit; {@code null} when the run used the simple formula or the
		 * parameters were not kept
		 */
		public @Nullable ClvFit fit() {
			Params kept = this.params;
			if (this.fallbackUsed || kept == null || kept.r() == null || kept.alpha() == null || kept.a() == null
					|| kept.b() == null) {
				return null;
			}
			boolean spend = this.spendFallbackReason == null && kept.p() != null && kept.q() != null
					&& kept.gamma() != null;
			double nan = Double.NaN;
			ClvPurchaseModel model = (this.purchaseModel != null) ? ClvPurchaseModel.valueOf(this.purchaseModel)
					: ClvPurchaseModel.BG_NBD;
			return new ClvFit(kept.r(), kept.alpha(), kept.a(), kept.b(), spend ? kept.p() : nan,
					spend ? kept.q() : nan, spend ? kept.gamma() : nan, nan, nan, ClvTimeUnit.valueOf(this.timeUnit),
					this.bgNbdIterations, this.gammaGammaIterations, this.converged, this.buyers, this.repeatBuyers,
					this.distinctRows, false, null, model,
					spend ? null : Reason.of("clv.fallback.gamma-gamma-failed", this.gammaGammaIterations));
		}

	}

	/**
	 * BG/NBD (r, α, a, b) and Gamma-Gamma (p, q, γ) parameters.
	 */
	public record Params(@Nullable Double r, @Nullable Double alpha, @Nullable Double a, @Nullable Double b,
			@Nullable Double p, @Nullable Double q, @Nullable Double gamma) {

	}

	/**
	 * Milliseconds per phase. One after the other: {@code previousTiers}, {@code facts},
	 * {@code models}, {@code changes}, {@code write}, {@code aggregates} and
	 * {@code publish}, which add up to {@code total}; ABC, RFM and the CLV fit and
	 * scoring run beside each other within {@code models}, and the satisfaction scores,
	 * the figures and the per-owner figures beside the write.
	 *
	 * @param facts reading the orders into each customer's facts
	 * @param abcRfm the ABC and RFM models (within {@code models})
	 * @param clvFit the CLV fit (within {@code models})
	 * @param clvScore the CLV scoring (within {@code models})
	 * @param write the per-customer rows: COPY, indexes, statistics, attach
	 * @param total from the start of the run to its publication, the commit excepted
	 * @param previousTiers reading the published run's tiers
	 * @param models every model and the tiers that follow, wall time
	 * @param changes comparing the tiers with the previous run's
	 * @param satisfaction reading the customers' satisfaction scores (beside the write)
	 * @param figures the dashboard's figures, in memory (beside the write)
	 * @param aggregates after the write: waiting for the figures, then storing them and
	 * those per owner
	 * @param ownerFigures reading the owners and adding up the figures per owner (beside
	 * the write)
	 * @param publish the rest: the publication's lock, the run's report, the switch of
	 * the published run
	 */
	public record Timings(long facts, long abcRfm, long clvFit, long clvScore, long write, long total,
			@JsonSetter(nulls = Nulls.AS_EMPTY) long previousTiers, @JsonSetter(nulls = Nulls.AS_EMPTY) long models,
			@JsonSetter(nulls = Nulls.AS_EMPTY) long changes, @JsonSetter(nulls = Nulls.AS_EMPTY) long satisfaction,
			@JsonSetter(nulls = Nulls.AS_EMPTY) long figures, @JsonSetter(nulls = Nulls.AS_EMPTY) long aggregates,
			@JsonSetter(nulls = Nulls.AS_EMPTY) long ownerFigures, @JsonSetter(nulls = Nulls.AS_EMPTY) long publish) {

		/**
		 * The six phases reported before the rest of a run was split (the others read as
		 * zero, as they do in the reports of such runs).
		 */
		public Timings(long facts, long abcRfm, long clvFit, long clvScore, long write, long total) {
			this(facts, abcRfm, clvFit, clvScore, write, total, 0, 0, 0, 0, 0, 0, 0, 0);
		}

	}

}
