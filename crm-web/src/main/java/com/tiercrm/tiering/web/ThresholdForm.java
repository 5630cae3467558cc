package com.tiercrm.tiering.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.model.AbcCutMode;
import com.tiercrm.tiering.model.AbcSettings;
import com.tiercrm.tiering.model.ClvPurchaseModel;
import com.tiercrm.tiering.model.ClvSettings;
import com.tiercrm.tiering.model.ClvTimeUnit;
import com.tiercrm.tiering.model.InvalidSettingsException;
import com.tiercrm.tiering.model.RfmCuts;
import com.tiercrm.tiering.model.RfmScheme;
import com.tiercrm.tiering.model.RfmScoring;
import com.tiercrm.tiering.model.RfmSettings;
import com.tiercrm.tiering.model.ValueMeasure;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The threshold editor: every setting of a segmentation configuration, shares in percent,
 * and the version the edit started from. Limits the annotations cannot express (open
 * intervals, ascending cut points, shares adding up) are checked by
 * {@link #validate(Errors)}. Other registered models' settings come as {@code models},
 * keyed {@code MODEL.setting}.
 */
record ThresholdForm(@NotNull @Nullable Long baseVersion, @NotBlank @Nullable String tierModel,
		@NotNull @Min(1) @Max(24) @Nullable Integer downgradeAfterRuns, @NotNull @Nullable ValueMeasure abcMeasure,
		@NotNull @Nullable AbcCutMode abcMode, @NotNull @Nullable BigDecimal abcA, @NotNull @Nullable BigDecimal abcB,
		@NotNull @Min(0) @Max(240) @Nullable Integer abcWindowMonths, @NotNull @Nullable ValueMeasure rfmMeasure,
		@NotNull @Nullable RfmScoring rfmScoring, @NotNull @Nullable RfmScheme rfmScheme,
		@NotNull @DecimalMin("0") @Nullable BigDecimal recency1, @NotNull @Nullable BigDecimal recency2,
		@NotNull @Nullable BigDecimal recency3, @NotNull @Nullable BigDecimal recency4,
		@NotNull @DecimalMin("0") @Nullable BigDecimal frequency1, @NotNull @Nullable BigDecimal frequency2,
		@NotNull @Nullable BigDecimal frequency3, @NotNull @Nullable BigDecimal frequency4,
		@NotNull @DecimalMin("0") @Nullable BigDecimal monetary1, @NotNull @Nullable BigDecimal monetary2,
		@NotNull @Nullable BigDecimal monetary3, @NotNull @Nullable BigDecimal monetary4,
		@NotNull @Nullable ClvTimeUnit clvTimeUnit, @NotNull @Min(1) @Max(1200) @Nullable Integer clvHorizonMonths,
		@NotNull @DecimalMin("0") @Nullable BigDecimal clvDiscountPercent,
		@NotNull @Nullable BigDecimal clvMarginPercent, @NotNull @Nullable ValueMeasure clvMeasure,
		@NotNull @Min(1) @Nullable Integer clvMinRepeatBuyers, @NotNull @Min(1) @Nullable Integer clvMinCustomers,
		@NotNull @Nullable BigDecimal clvLifetimeMonths, @NotNull @Nullable BigDecimal clvHighPercent,
		@NotNull @DecimalMin("0") @Nullable BigDecimal clvMediumPercent,
		@NotNull @Nullable ClvPurchaseModel clvPurchaseModel, @Nullable Map<String, Integer> models) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	ThresholdForm {
		// A form without other models' fields has none.
		models = (models != null) ? new LinkedHashMap<>(models) : new LinkedHashMap<>();
	}

	static ThresholdForm of(SegmentationSettings settings, long version) {
		AbcSettings abc = settings.abc();
		RfmSettings rfm = settings.rfm();
		ClvSettings clv = settings.clv();
		return new ThresholdForm(version, settings.tierModel(), settings.downgradeAfterRuns(), abc.measure(),
				abc.mode(), percent(abc.aLimit()), percent(abc.bLimit()), settings.abcWindowMonths(),
				rfm.monetaryMeasure(), rfm.scoring(), rfm.scheme(), plain(rfm.recencyCuts().first()),
				plain(rfm.recencyCuts().second()), plain(rfm.recencyCuts().third()), plain(rfm.recencyCuts().fourth()),
				plain(rfm.frequencyCuts().first()), plain(rfm.frequencyCuts().second()),
				plain(rfm.frequencyCuts().third()), plain(rfm.frequencyCuts().fourth()),
				plain(rfm.monetaryCuts().first()), plain(rfm.monetaryCuts().second()),
				plain(rfm.monetaryCuts().third()), plain(rfm.monetaryCuts().fourth()), clv.timeUnit(),
				clv.horizonMonths(), percent(clv.monthlyDiscountRate()), percent(clv.margin()), clv.historicalMeasure(),
				clv.minRepeatBuyers(), clv.minCustomers(), plain(clv.fallbackLifetimeMonths()),
				percent(clv.highShare()), percent(clv.mediumShare()), clv.purchaseModel(), flat(settings.models()));
	}

	private static Map<String, Integer> flat(Map<String, Map<String, Integer>> models) {
		Map<String, Integer> flat = new LinkedHashMap<>();
		models.forEach((model, values) -> values.forEach((name, value) -> flat.put(model + "." + name, value)));
		return flat;
	}

	private Map<String, Map<String, Integer>> nested() {
		Map<String, Map<String, Integer>> nested = new HashMap<>();
		if (this.models != null) {
			this.models.forEach((key, value) -> {
				int dot = key.indexOf('.');
				if (dot > 0 && value != null) {
					nested.computeIfAbsent(key.substring(0, dot), (model) -> new HashMap<>())
						.put(key.substring(dot + 1), value);
				}
			});
		}
		return nested;
	}

	/**
	 * Adds the errors the annotations cannot find. Fields that already have an error are
	 * not checked again.
	 */
	void validate(Errors errors) {
		if (valid(errors, "abcA") && !(positive(this.abcA) && below(this.abcA, HUNDRED))) {
			errors.rejectValue("abcA", "thresholds.error.abcA");
		}
		if (valid(errors, "abcA") && valid(errors, "abcB") && (nonNull(this.abcB).compareTo(nonNull(this.abcA)) < 0
				|| nonNull(this.abcB).compareTo(HUNDRED) > 0)) {
			errors.rejectValue("abcB", "thresholds.error.abcB");
		}
		ascending(errors, "recency", this.recency1, this.recency2, this.recency3, this.recency4);
		ascending(errors, "frequency", this.frequency1, this.frequency2, this.frequency3, this.frequency4);
		ascending(errors, "monetary", this.monetary1, this.monetary2, this.monetary3, this.monetary4);
		if (valid(errors, "clvDiscountPercent") && !below(this.clvDiscountPercent, HUNDRED)) {
			errors.rejectValue("clvDiscountPercent", "thresholds.error.discount");
		}
		if (valid(errors, "clvMarginPercent")
				&& !(positive(this.clvMarginPercent) && nonNull(this.clvMarginPercent).compareTo(HUNDRED) <= 0)) {
			errors.rejectValue("clvMarginPercent", "thresholds.error.margin");
		}
		if (valid(errors, "clvLifetimeMonths") && !positive(this.clvLifetimeMonths)) {
			errors.rejectValue("clvLifetimeMonths", "thresholds.error.positive");
		}
		if (valid(errors, "clvHighPercent")
				&& !(positive(this.clvHighPercent) && below(this.clvHighPercent, HUNDRED))) {
			errors.rejectValue("clvHighPercent", "thresholds.error.clvHigh");
		}
		if (valid(errors, "clvHighPercent") && valid(errors, "clvMediumPercent")
				&& nonNull(this.clvHighPercent).add(nonNull(this.clvMediumPercent)).compareTo(HUNDRED) > 0) {
			errors.rejectValue("clvMediumPercent", "thresholds.error.clvShares");
		}
	}

	/**
	 * The settings this form describes; call only once it validated.
	 * @throws InvalidSettingsException with a message code when a model still refuses a
	 * value
	 */
	SegmentationSettings toSettings() {
		AbcSettings abc = new AbcSettings(nonNull(this.abcMeasure), nonNull(this.abcMode), fraction(this.abcA),
				fraction(this.abcB));
		RfmSettings rfm = new RfmSettings(nonNull(this.rfmMeasure), nonNull(this.rfmScoring), nonNull(this.rfmScheme),
				cuts(this.recency1, this.recency2, this.recency3, this.recency4),
				cuts(this.frequency1, this.frequency2, this.frequency3, this.frequency4),
				cuts(this.monetary1, this.monetary2, this.monetary3, this.monetary4));
		ClvSettings clv = new ClvSettings(nonNull(this.clvTimeUnit), nonNull(this.clvHorizonMonths),
				fraction(this.clvDiscountPercent), fraction(this.clvMarginPercent), nonNull(this.clvMeasure),
				nonNull(this.clvMinRepeatBuyers), nonNull(this.clvMinCustomers),
				nonNull(this.clvLifetimeMonths).doubleValue(), fraction(this.clvHighPercent),
				fraction(this.clvMediumPercent), nonNull(this.clvPurchaseModel));
		return new SegmentationSettings(abc, nonNull(this.abcWindowMonths), rfm, clv, nonNull(this.tierModel),
				nonNull(this.downgradeAfterRuns), nested());
	}

	long base() {
		return nonNull(this.baseVersion);
	}

	/**
	 * The same input, based on another version: after a conflict the next save
	 * deliberately replaces the newer version.
	 */
	ThresholdForm rebasedOn(long version) {
		return new ThresholdForm(version, this.tierModel, this.downgradeAfterRuns, this.abcMeasure, this.abcMode,
				this.abcA, this.abcB, this.abcWindowMonths, this.rfmMeasure, this.rfmScoring, this.rfmScheme,
				this.recency1, this.recency2, this.recency3, this.recency4, this.frequency1, this.frequency2,
				this.frequency3, this.frequency4, this.monetary1, this.monetary2, this.monetary3, this.monetary4,
				this.clvTimeUnit, this.clvHorizonMonths, this.clvDiscountPercent, this.clvMarginPercent,
				this.clvMeasure, this.clvMinRepeatBuyers, this.clvMinCustomers, this.clvLifetimeMonths,
				this.clvHighPercent, this.clvMediumPercent, this.clvPurchaseModel, this.models);
	}

	private static void ascending(Errors errors, String dimension, @Nullable BigDecimal... cuts) {
		for (int i = 1; i < cuts.length; i++) {
			String previous = dimension + i;
			String field = dimension + (i + 1);
			if (valid(errors, previous) && valid(errors, field)
					&& nonNull(cuts[i]).compareTo(nonNull(cuts[i - 1])) <= 0) {
				errors.rejectValue(field, "thresholds.error.cutsOrder");
				return;
			}
		}
	}

	private static boolean valid(Errors errors, String field) {
		return !errors.hasFieldErrors(field);
	}

	private static boolean positive(@Nullable BigDecimal value) {
		return nonNull(value).signum() > 0;
	}

	private static boolean below(@Nullable BigDecimal value, BigDecimal limit) {
		return nonNull(value).compareTo(limit) < 0;
	}

	private static RfmCuts cuts(@Nullable BigDecimal first, @Nullable BigDecimal second, @Nullable BigDecimal third,
			@Nullable BigDecimal fourth) {
		return new RfmCuts(nonNull(first).doubleValue(), nonNull(second).doubleValue(), nonNull(third).doubleValue(),
				nonNull(fourth).doubleValue());
	}

	private static double fraction(@Nullable BigDecimal percent) {
		return nonNull(percent).movePointLeft(2).doubleValue();
	}

	private static BigDecimal percent(double fraction) {
		return plain(BigDecimal.valueOf(fraction).movePointRight(2));
	}

	private static BigDecimal plain(double value) {
		return plain(BigDecimal.valueOf(value));
	}

	private static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	private static <T> T nonNull(@Nullable T value) {
		return Objects.requireNonNull(value);
	}

}
