package com.tiercrm.tiering.config;

import java.util.Objects;

import com.tiercrm.tiering.model.AbcSettings;
import com.tiercrm.tiering.model.ClvSettings;
import com.tiercrm.tiering.model.InvalidSettingsException;
import com.tiercrm.tiering.model.RfmSettings;
import com.tiercrm.tiering.model.TierModel;

/**
 * One version of the segmentation configuration: the three models' settings, which of
 * them defines the tier, and the stability rule.
 *
 * @param abc ABC settings
 * @param abcWindowMonths months of orders the ABC measure looks at, counted back from the
 * as-of date; 0 for all time
 * @param rfm RFM settings
 * @param clv CLV settings
 * @param tierModel the model whose class is the tier
 * @param downgradeAfterRuns a downgrade takes effect only after this many consecutive
 * runs (1: at once)
 */
public record SegmentationSettings(AbcSettings abc, int abcWindowMonths, RfmSettings rfm, ClvSettings clv,
		TierModel tierModel, int downgradeAfterRuns) {

	public SegmentationSettings {
		Objects.requireNonNull(abc, "abc");
		Objects.requireNonNull(rfm, "rfm");
		Objects.requireNonNull(clv, "clv");
		Objects.requireNonNull(tierModel, "tierModel");
		if (abcWindowMonths < 0 || abcWindowMonths > 240) {
			throw new InvalidSettingsException("segmentation.settings.invalid-window");
		}
		if (downgradeAfterRuns < 1 || downgradeAfterRuns > 24) {
			throw new InvalidSettingsException("segmentation.settings.invalid-stability");
		}
	}

	public static SegmentationSettings defaults() {
		return new SegmentationSettings(AbcSettings.defaults(), 0, RfmSettings.defaults(), ClvSettings.defaults(),
				TierModel.ABC, 1);
	}

}
