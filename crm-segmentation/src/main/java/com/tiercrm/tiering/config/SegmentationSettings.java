package com.tiercrm.tiering.config;

import java.util.Map;
import java.util.Objects;

import com.tiercrm.tiering.model.AbcSettings;
import com.tiercrm.tiering.model.ClvSettings;
import com.tiercrm.tiering.model.InvalidSettingsException;
import com.tiercrm.tiering.model.RfmSettings;

/**
 * One version of the segmentation configuration: the built-in models' settings, those of
 * any other registered model, which model defines the tier, and the stability rule.
 *
 * @param abc ABC settings
 * @param abcWindowMonths months of orders the ABC measure looks at, counted back from the
 * as-of date; 0 for all time
 * @param rfm RFM settings
 * @param clv CLV settings
 * @param tierModel the code of the model whose class is the tier, such as {@code ABC}
 * @param downgradeAfterRuns a downgrade takes effect only after this many consecutive
 * runs (1: at once)
 * @param models the settings of other registered models, by model code and setting name;
 * missing settings take the model's defaults
 */
public record SegmentationSettings(AbcSettings abc, int abcWindowMonths, RfmSettings rfm, ClvSettings clv,
		String tierModel, int downgradeAfterRuns, Map<String, Map<String, Integer>> models) {

	/** The model that defines the tiers when nothing else is configured. */
	public static final String DEFAULT_TIER_MODEL = "ABC";

	public SegmentationSettings {
		Objects.requireNonNull(abc, "abc");
		Objects.requireNonNull(rfm, "rfm");
		Objects.requireNonNull(clv, "clv");
		if (tierModel == null || tierModel.isBlank()) {
			throw new InvalidSettingsException("segmentation.settings.unknown-model");
		}
		// Versions saved before other models existed have none.
		models = (models != null) ? Map.copyOf(models) : Map.of();
		if (abcWindowMonths < 0 || abcWindowMonths > 240) {
			throw new InvalidSettingsException("segmentation.settings.invalid-window");
		}
		if (downgradeAfterRuns < 1 || downgradeAfterRuns > 24) {
			throw new InvalidSettingsException("segmentation.settings.invalid-stability");
		}
	}

	/**
	 * The same settings with the three built-in models' parts only.
	 */
	public SegmentationSettings(AbcSettings abc, int abcWindowMonths, RfmSettings rfm, ClvSettings clv,
			String tierModel, int downgradeAfterRuns) {
		this(abc, abcWindowMonths, rfm, clv, tierModel, downgradeAfterRuns, Map.of());
	}

	public static SegmentationSettings defaults() {
		return new SegmentationSettings(AbcSettings.defaults(), 0, RfmSettings.defaults(), ClvSettings.defaults(),
				DEFAULT_TIER_MODEL, 1);
	}

	/**
	 * A registered model's own settings.
	 * @param code the model's code
	 * @return its values by setting name, empty if none were saved
	 */
	public Map<String, Integer> model(String code) {
		return this.models.getOrDefault(code, Map.of());
	}

	/**
	 * The same settings with another purchase-model time unit, for a run that asks for
	 * one.
	 * @param clv the CLV settings to use
	 * @return the settings
	 */
	public SegmentationSettings withClv(ClvSettings clv) {
		return new SegmentationSettings(this.abc, this.abcWindowMonths, this.rfm, clv, this.tierModel,
				this.downgradeAfterRuns, this.models);
	}

}
