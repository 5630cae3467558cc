package com.tiercrm.tiering.forecast;

import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.model.ClvFit;

/**
 * Outcome of a holdout check.
 *
 * @param <K> the group key
 * @param fit the model fitted on the calibration facts
 * @param holdoutDays length of the holdout period in days
 * @param byRepeatPurchases per number of repeat purchases in the calibration period:
 * index 0 to {@link HoldoutCheck#REPEAT_PURCHASE_CLASSES} − 2 for that number, the last
 * index for that many or more (the chart of Fader, Hardie and Lee 2005, figure 4)
 * @param byGroup per group, in the order the groups first appear
 * @param total all customers who bought in the calibration period
 * @param meanAbsoluteError mean over customers of |predicted − actual| purchases
 * @param correlation Pearson correlation of predicted and actual purchases over customers
 * @param backtest the sales forecast over the holdout period against what happened
 * @param unpredictable customers left out because their expectation did not converge
 */
public record HoldoutResult<K>(ClvFit fit, int holdoutDays, List<HoldoutComparison> byRepeatPurchases,
		Map<K, HoldoutComparison> byGroup, HoldoutComparison total, double meanAbsoluteError, double correlation,
		ForecastBacktest<K> backtest, int unpredictable) {

}
